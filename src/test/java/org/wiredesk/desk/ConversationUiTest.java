package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
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
import org.wiredesk.ingest.MutableClock;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.User;
import org.wiredesk.store.TestDesk;

/**
 * The conversation and house style with teeth, driven headless on a four-eyes desk: the copy editor opens a story
 * the desk chief sent back and reads why first; submits a headline over house style only once the reason is given;
 * the chief sees the errors, the reason and the thread on the approval screen, and replies there.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationUiTest {
    private static final String REJECTION = "“Reopens” oversells it: the outer channel is still under speed limits. "
            + "Say what reopened, and to whom.";
    private static final String LONG = "Calder port reopens to shipping after three-day storm closure, with speed "
            + "limits in the outer channel";
    private static final String REASON = "Lead slot today: the site gives it three lines, and the speed limits are "
            + "the news for shippers.";

    @TempDir
    static Path site;

    private TestDesk desk;
    private final User cora = new User("cora", "Cora Copy", java.util.Set.of(Role.COPY_EDITOR));
    private final User dee = new User("dee", "Dee Chief", java.util.Set.of(Role.DESK_CHIEF));
    private AppContext coraWindow;
    private AppContext deeWindow;
    private Story story;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk = TestDesk.inMemory(false);
        coraWindow = AppContext.open(desk.add("cora", Role.COPY_EDITOR), site, Clock.systemUTC());
        deeWindow = AppContext.open(desk.add("dee", Role.DESK_CHIEF), site, Clock.systemUTC());
        DemoWire.ingest(coraWindow.ingest(), "cora");
        story = coraWindow.stories().findAll(java.util.Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port of Calder")).findFirst().orElseThrow();
        earlierConversation();
        window = DeskWindows.show(stage, coraWindow);
    }

    /** What was said before the test opens the window, at the times it was said (the store keeps the desk's clock). */
    private void earlierConversation() {
        MutableClock then = new MutableClock(Instant.now().minus(47, ChronoUnit.MINUTES));
        try (AppContext coraThen = AppContext.open(desk.as("cora"), site, then);
             AppContext deeThen = AppContext.open(desk.as("dee"), site, then)) {
            coraThen.desk().claim(cora, story.id());
            coraThen.desk().submit(cora, story.id(), "Calder port reopens after storm",
                    "Kept it to the port: the ferries are a story of their own");
            then.advance(Duration.ofMinutes(19));
            deeThen.desk().reject(dee, story.id(), REJECTION);
            then.advance(Duration.ofMinutes(13));
            coraThen.desk().reply(cora, story.id(), "Would “Calder port reopens to shipping after storm” do?");
            then.advance(Duration.ofMinutes(9));
            deeThen.desk().reply(dee, story.id(), "Yes, and say the speed limits stay: that is what shippers need.");
        }
    }

    @AfterEach
    void tearDown() {
        coraWindow.close();
        deeWindow.close();
        desk.close();
    }

    @Test
    void aSentBackStoryOpensWithItsReasonAndGoesBackOverHouseStyleOnlyWithAReasonTheChiefReads(FxRobot robot)
            throws Exception {
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-rejection").query().isVisible()).isTrue();
        assertThat(robot.lookup("#editor-rejection-by").queryAs(Label.class).getText())
                .startsWith("Sent back by dee, ").endsWith("minutes ago");
        assertThat(robot.lookup("#editor-rejection-reason").queryAs(Label.class).getText())
                .isEqualTo(REJECTION);
        assertThat(robot.lookup("#editor-thread-list").queryAs(VBox.class).getChildren()).hasSize(4);
        assertThat(robot.lookup("#editor-override-box").query().isVisible()).isFalse();
        Screenshots.save(stage, "editor-rejected");

        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.interact(() -> headline.setText(LONG));
        robot.clickOn("#editor-note").write("Said what reopened; it runs long for the lead slot");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-override-box").query().isVisible()).isTrue();
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-notice").queryAs(Label.class).getText())
                .startsWith("The headline breaks house style (101 characters: the desk's limit is 90)");
        assertThat(coraWindow.desk().story(story.id()).status()).isEqualTo(Status.REJECTED);

        robot.clickOn("#editor-style-override").write(REASON);
        Screenshots.save(stage, "editor-style-override");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(coraWindow.desk().story(story.id()).status()).isEqualTo(Status.SUBMITTED);
        assertThat(robot.lookup("#editor-rejection").query().isVisible()).isFalse();

        theChiefReadsTheOverrideAndTheThreadAndReplies(robot);
    }

    private void theChiefReadsTheOverrideAndTheThreadAndReplies(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.stop();
            window = DeskWindows.show(stage, deeWindow);
        });
        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        robot.interact(() -> queue.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#approval-override").query().isVisible()).isTrue();
        assertThat(robot.lookup("#approval-override-by").queryAs(Label.class).getText())
                .startsWith("Submitted over house style by cora");
        assertThat(robot.lookup("#approval-override-reason").queryAs(Label.class).getText())
                .isEqualTo(REASON);
        List<String> overridden = robot.lookup("#approval-override-errors").queryAs(VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList();
        assertThat(overridden).first().isEqualTo("101 characters: the desk's limit is 90");
        assertThat(overridden).anySatisfy(e -> assertThat(e).contains("px wide in the site's headline font"));
        assertThat(robot.lookup("#approval-override-missing").query().isVisible()).isFalse();
        VBox thread = robot.lookup("#approval-thread-list").queryAs(VBox.class);
        assertThat(thread.getChildren()).hasSize(6);

        robot.clickOn("#approval-thread-reply").write("Fine for the lead slot today. Tomorrow it goes back to 90.");
        Button send = robot.lookup("#approval-thread-send").queryButton();
        assertThat(send.isDisabled()).isFalse();
        robot.clickOn(send);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(thread.getChildren()).hasSize(7);
        assertThat(robot.lookup("#approval-thread-reply").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(deeWindow.desk().thread(story.id()).entries()).last()
                .extracting(ThreadEntry::kind, ThreadEntry::author)
                .containsExactly(ThreadEntry.Kind.REPLY, "dee");
        Screenshots.save(stage, "approval-override-thread");
    }
}
