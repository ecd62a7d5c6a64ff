package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.publish.PublishViewModel.HeldStory;
import org.wiredesk.desk.signin.SignInDialog;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.SignInRefusedException;
import org.wiredesk.store.TestDesk;

/**
 * What the desk is told before it acts, driven headless on a four-eyes desk: signing in, a desk chief's own story
 * on the approval screen, a story without a source URL in the editor, and a story the publisher held back.
 */
@ExtendWith(ApplicationExtension.class)
class TrustUiTest {
    @TempDir
    static Path site;

    private TestDesk testDesk;
    /** dora: editor, copy editor and desk chief on a four-eyes desk; the window is hers. */
    private AppContext app;
    private final StoreChanges changes = new StoreChanges();
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = TestDesk.inMemory(false);
        app = AppContext.open(testDesk.add("dora", Role.EDITOR, Role.COPY_EDITOR, Role.DESK_CHIEF), site,
                Clock.systemUTC());
        DemoWire.ingest(app.ingest(), "dora");
        window = DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void theSignInDialogCreatesADeskAndShowsARefusedPasswordAfterASignIn(FxRobot robot) throws Exception {
        // a new desk: the two passwords must agree before the dialog answers
        AtomicReference<SignInDialog> made = new AtomicReference<>();
        robot.interact(() -> made.set(new SignInDialog(SignInDialog.Mode.CREATE, "", "/srv/wiredesk/store")));
        AtomicReference<Optional<SignInDialog.Answer>> created = showLater(robot, made.get());
        robot.clickOn("#sign-in-name").write("olive");
        robot.clickOn("#sign-in-display-name").write("Olive Owner");
        robot.clickOn("#sign-in-password").write("correct horse");
        robot.clickOn("#sign-in-again").write("correct hors");
        robot.clickOn("Create desk");
        assertThat(problem(robot)).isEqualTo("The two passwords differ.");
        assertThat(created.get()).isNull();
        Screenshots.save(windowOf(robot, "#sign-in-name"), "sign-in-create");
        robot.clickOn("#sign-in-again").type(KeyCode.END).write("e");
        robot.clickOn("#sign-in-one-person");
        robot.clickOn("Create desk");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> created.get() != null);
        assertThat(created.get()).hasValueSatisfying(a -> {
            assertThat(a.name()).isEqualTo("olive");
            assertThat(a.displayName()).isEqualTo("Olive Owner");
            assertThat(new String(a.password())).isEqualTo("correct horse");
            assertThat(a.onePersonDesk()).isTrue();
        });

        // signing in to this desk with a wrong password: the store refuses, the dialog says so and asks again
        robot.interact(() -> made.set(new SignInDialog(SignInDialog.Mode.SIGN_IN, "dora", "in-memory test desk")));
        SignInDialog signIn = made.get();
        AtomicReference<Optional<SignInDialog.Answer>> first = showLater(robot, signIn);
        robot.clickOn("#sign-in-password").write("not-her-password");
        robot.clickOn("Sign in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.get() != null);
        SignInDialog.Answer wrong = first.get().orElseThrow();
        assertThatThrownBy(() -> testDesk.owner().as(new Credentials(wrong.name(), wrong.password())).open())
                .isInstanceOf(SignInRefusedException.class);
        robot.interact(() -> signIn.refused("Sign-in refused."));
        AtomicReference<Optional<SignInDialog.Answer>> second = showLater(robot, signIn);
        assertThat(problem(robot)).isEqualTo("Sign-in refused.");
        assertThat(robot.lookup("#sign-in-name").queryAs(TextField.class).getText()).isEqualTo("dora");
        assertThat(robot.lookup("#sign-in-password").queryAs(PasswordField.class).getText()).isEmpty();
        Screenshots.save(windowOf(robot, "#sign-in-password"), "sign-in-refused");

        robot.clickOn("#sign-in-password").write(new String(TestDesk.password("dora")));
        robot.clickOn("Sign in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second.get() != null);
        SignInDialog.Answer right = second.get().orElseThrow();
        assertThat(testDesk.owner().as(new Credentials(right.name(), right.password())).open().member())
                .isEqualTo("dora");
    }

    @Test
    void onAFourEyesDeskTheApprovalScreenTellsTheChiefTheirOwnStoryNeedsAnotherChief(FxRobot robot) {
        StoryId own = submitted("Port of Calder", "Calder port reopens after storm", app);
        AppContext cora = member("cora", Role.COPY_EDITOR);
        StoryId others = submitted("Museum returns", "Museum returns bronze statues", cora);
        robot.interact(changes::changed);

        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        select(robot, queue, own);
        Label blocked = robot.lookup("#approval-blocked").queryAs(Label.class);
        Button approve = robot.lookup("#approval-approve").queryButton();
        assertThat(blocked.isVisible()).isTrue();
        assertThat(blocked.getText())
                .isEqualTo("You wrote this headline or submitted this story: another desk chief must approve it.");
        assertThat(approve.isDisabled()).isTrue();
        assertThat(robot.lookup("#approval-warning").queryAs(Label.class).isVisible()).isFalse();
        Screenshots.save(stage, "approval-four-eyes");

        // cora's story: nothing in the way, and dora approves it
        select(robot, queue, others);
        assertThat(blocked.isVisible()).isFalse();
        assertThat(approve.isDisabled()).isFalse();
        robot.clickOn(approve);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(others).status()).isEqualTo(Status.APPROVED);
        assertThat(app.desk().story(own).status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void aStoryWithoutASourceUrlSaysInTheEditorWhyItCannotBeApproved(FxRobot robot) {
        StoryId noUrl = testDeskStories().insertIfNew(new NewStory("file-1", "Harbour City Chronicle", null,
                new Headline("Harbour board meets on Thursday"), new Body("<p>The harbour board meets on Thursday.</p>",
                Fingerprint.ofText("The harbour board meets on Thursday.")), "A. Reporter", "en", null,
                Instant.now()), "owner").orElseThrow();

        robot.interact(() -> window.openEditor(noUrl));
        WaitForAsyncUtils.waitForFxEvents();

        Label banner = robot.lookup("#editor-cannot-approve").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("Story " + noUrl + " has no web page of its own and no credit address "
                + "is set for «Harbour City Chronicle», so it cannot be approved: every page ends with its source and "
                + "URL (set one on the Sources screen).");
        Screenshots.save(stage, "editor-no-url");
    }

    @Test
    void thePublishScreenListsAHeldStoryWithItsReasonAndSendsItBack(FxRobot robot) {
        AppContext dan = member("dan", Role.DESK_CHIEF);
        StoryId port = submitted("Port of Calder", "Calder port reopens after storm", app);
        StoryId museum = submitted("Museum returns", "Museum returns bronze statues", app);
        dan.desk().approve(dan.user(), port);
        dan.desk().approve(dan.user(), museum);
        StoreTampering.addScriptToBody(testDesk.owner(), museum);
        robot.interact(changes::changed);

        robot.clickOn("#tab-publish");
        TableView<StorySummary> approved = robot.lookup("#publish-table").queryTableView();
        assertThat(approved.getItems()).hasSize(2);
        robot.clickOn("#publish-all");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#status-notice").queryAs(Label.class).getText())
                .isEqualTo("Published 1 story, held 1 (its reason is under Held).");
        ListView<HeldStory> held = robot.lookup("#publish-held").queryListView();
        assertThat(held.getItems()).singleElement().satisfies(h -> {
            assertThat(h.headline()).isEqualTo("Museum returns bronze statues");
            assertThat(h.reason()).startsWith("Story " + museum + " was not published: ")
                    .contains("not what the sanitizer makes of it");
        });
        assertThat(robot.lookup("#publish-recent").queryListView().getItems()).hasSize(1);
        robot.interact(() -> held.getSelectionModel().select(0));
        TextField reason = robot.lookup("#publish-send-back-reason").queryAs(TextField.class);
        assertThat(reason.getText()).isEqualTo(held.getItems().get(0).reason());
        Screenshots.save(stage, "publish-held");

        robot.clickOn(reason).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("The stored body was changed: fetch the story from the agency again");
        robot.clickOn("#publish-send-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(museum).status()).isEqualTo(Status.REJECTED);
        var history = app.desk().statusHistory(museum);
        assertThat(history.get(history.size() - 1).reason())
                .isEqualTo("The stored body was changed: fetch the story from the agency again");
        assertThat(held.getItems()).isEmpty();
        assertThat(app.desk().story(port).status()).isEqualTo(Status.PUBLISHED);
    }

    /** The demo story whose agency headline starts so, headlined and submitted by this member. */
    private StoryId submitted(String agencyStart, String house, AppContext member) {
        Story story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith(agencyStart)).findFirst().orElseThrow();
        member.desk().claim(member.user(), story.id());
        member.desk().submit(member.user(), story.id(), house, null);
        return story.id();
    }

    /** The desk's services as another member, added with these roles. */
    private AppContext member(String name, Role... roles) {
        return AppContext.open(testDesk.add(name, roles), site, Clock.systemUTC());
    }

    private org.wiredesk.store.StoryRepository testDeskStories() {
        return new org.wiredesk.store.StoryRepository(testDesk.owner());
    }

    private static void select(FxRobot robot, TableView<StorySummary> table, StoryId id) {
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(id)) {
                    table.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
            throw new AssertionError("no row for story " + id);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shows the dialog as the application does (it waits for an answer), without holding up the test. */
    private static AtomicReference<Optional<SignInDialog.Answer>> showLater(FxRobot robot, SignInDialog dialog)
            throws Exception {
        AtomicReference<Optional<SignInDialog.Answer>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialog.showAndWait()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#sign-in-password").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private static String problem(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#sign-in-problem").queryAs(Label.class).getText();
    }

    private static Window windowOf(FxRobot robot, String query) {
        return robot.lookup(query).query().getScene().getWindow();
    }
}
