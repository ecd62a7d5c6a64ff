package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.publish.PublishedStory;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * Correcting and killing from the Publish screen, driven headless: the Published view and Recent Posts each offer
 * both in a context menu (and buttons), each asks in a dialog with a required reason, and the lists follow.
 */
@ExtendWith(ApplicationExtension.class)
class PublishedStoriesUiTest {
    private static final String PORT = "Calder port reopens after storm";
    private static final String MUSEUM = "Museum returns bronze statues";
    private static final String COUNCIL = "Council passes record housing budget";

    @TempDir
    static Path sites;

    /** This test's own site folder: page names repeat between tests, as every test's desk starts at story 1. */
    private Path site;

    private SoloDesk desk;
    /** solo: every role on a one-person desk; the window is theirs. */
    private AppContext app;
    private final StoreChanges changes = new StoreChanges();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        site = sites.resolve(java.util.UUID.randomUUID().toString());
        desk = new SoloDesk(site);
        app = desk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        app.close();
        desk.close();
    }

    @Test
    void aDeskChiefCorrectsAHeadlineFromThePublishedViewsContextMenu(FxRobot robot) throws IOException {
        StoryId port = published("Port of Calder", PORT);
        published("Museum returns", MUSEUM);
        showPublishScreen(robot);
        TableView<PublishedStory> table = robot.lookup("#publish-published").queryTableView();
        assertThat(table.getItems()).extracting(PublishedStory::headline).containsExactly(MUSEUM, PORT);

        openContextMenu(robot, cell(robot, "#publish-published", PORT));
        robot.clickOn("#published-menu-correct");
        TextField headline = robot.lookup("#correct-headline").queryAs(TextField.class);
        Node confirm = robot.lookup("#correct-confirm").query();
        assertThat(headline.getText()).isEqualTo(PORT);
        assertThat(confirm.isDisabled()).as("the headline is unchanged and there is no reason").isTrue();
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Calder port reopens after three-day storm");
        assertThat(confirm.isDisabled()).as("no reason yet").isTrue();
        robot.clickOn("#correct-reason").write("The closure lasted three days");
        assertThat(confirm.isDisabled()).isFalse();
        robot.sleep(300); // the last keystroke drawn before the picture: Monocle paints on its own pulse
        Screenshots.save(stage, "publish-correct-dialog");
        robot.clickOn(confirm);
        WaitForAsyncUtils.waitForFxEvents();

        Story corrected = app.desk().story(port);
        assertThat(corrected.runningHeadline().text()).isEqualTo("Calder port reopens after three-day storm");
        assertThat(corrected.status()).isEqualTo(Status.PUBLISHED);
        var history = app.desk().statusHistory(port);
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("The closure lasted three days");
        assertThat(Files.readString(pageOf(port))).contains("Calder port reopens after three-day storm");
        assertThat(message(robot)).isEqualTo("Corrected: Calder port reopens after three-day storm — the page was "
                + "rewritten in place.");
        assertThat(table.getItems()).filteredOn(s -> s.id().equals(port)).singleElement().satisfies(s -> {
            assertThat(s.headline()).isEqualTo("Calder port reopens after three-day storm");
            assertThat(s.state()).isEqualTo("Corrected");
            assertThat(s.updatedAt()).isNotNull();
        });
        ListView<RecentPost> recent = robot.lookup("#publish-recent").queryListView();
        assertThat(recent.getItems()).extracting(RecentPost::headline)
                .contains("Calder port reopens after three-day storm").doesNotContain(PORT);
        Screenshots.save(stage, "publish-corrected");
    }

    @Test
    void aDeskChiefKillsAStoryFromRecentPostsAfterAWarningAndItLeavesTheSite(FxRobot robot) throws IOException {
        published("Port of Calder", PORT);
        StoryId council = published("City council", COUNCIL);
        showPublishScreen(robot);
        ListView<RecentPost> recent = robot.lookup("#publish-recent").queryListView();
        assertThat(recent.getItems()).extracting(RecentPost::headline).containsExactly(COUNCIL, PORT);

        openContextMenu(robot, robot.lookup("#publish-recent .list-cell").match(c -> c instanceof javafx.scene.control
                .ListCell<?> cell && cell.getItem() instanceof RecentPost post && post.headline().equals(COUNCIL))
                .<Node>query());
        robot.clickOn("#recent-menu-kill");
        Label warning = robot.lookup("#kill-warning").queryAs(Label.class);
        Button confirm = robot.lookup("#kill-confirm").queryButton();
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo("Its page will be replaced by a withdrawal notice and the story "
                + "leaves the site's lists. A kill cannot be undone.");
        assertThat(confirm.isDisabled()).as("a kill needs a reason").isTrue();
        assertThat(confirm.isDefaultButton()).as("Enter must not kill").isFalse();
        robot.clickOn("#kill-reason").write("   ");
        assertThat(confirm.isDisabled()).as("a blank reason is no reason").isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Legal hold on the figures");
        assertThat(confirm.isDisabled()).isFalse();
        robot.sleep(300); // the last keystroke drawn before the picture: Monocle paints on its own pulse
        Screenshots.save(stage, "publish-kill-dialog");
        robot.clickOn(confirm);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.desk().story(council).status()).isEqualTo(Status.KILLED);
        var history = app.desk().statusHistory(council);
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("Legal hold on the figures");
        assertThat(Files.readString(pageOf(council))).contains("This report has been withdrawn")
                .doesNotContain("The budget takes effect");
        assertThat(message(robot)).isEqualTo("Killed: " + COUNCIL + " — its page now carries a withdrawal notice.");
        assertThat(recent.getItems()).extracting(RecentPost::headline).containsExactly(PORT);
        TableView<PublishedStory> table = robot.lookup("#publish-published").queryTableView();
        assertThat(table.getItems()).filteredOn(s -> s.id().equals(council)).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo("Killed"));
        assertThat(robot.lookup("#publish-published .table-row-cell.wd-status-killed").queryAll()).hasSize(1);

        // a killed story offers nothing more
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, council)));
        assertThat(robot.lookup("#published-kill").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#published-correct").queryButton().isDisabled()).isTrue();
        Screenshots.save(stage, "publish-killed");
    }

    @Test
    void aCancelledKillChangesNothing(FxRobot robot) throws IOException {
        StoryId port = published("Port of Calder", PORT);
        showPublishScreen(robot);
        String before = Files.readString(pageOf(port));
        TableView<PublishedStory> table = robot.lookup("#publish-published").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));

        robot.clickOn("#published-kill");
        robot.clickOn("#kill-reason").write("Second thoughts");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#kill-reason").tryQuery()).isEmpty();
        assertThat(app.desk().story(port).status()).isEqualTo(Status.PUBLISHED);
        assertThat(Files.readString(pageOf(port))).isEqualTo(before);
    }

    @Test
    void forACopyEditorCorrectAndKillStayOff(FxRobot robot) {
        published("Port of Calder", PORT);
        AppContext cora = desk.member("cora", Role.COPY_EDITOR);
        try {
            robot.interact(() -> DeskWindows.show(stage, cora));
            showPublishScreen(robot);
            TableView<PublishedStory> table = robot.lookup("#publish-published").queryTableView();
            ListView<RecentPost> recent = robot.lookup("#publish-recent").queryListView();
            robot.interact(() -> {
                table.getSelectionModel().select(0);
                recent.getSelectionModel().select(0);
            });

            for (String id : new String[] {"#published-correct", "#published-kill", "#recent-correct",
                    "#recent-kill"}) {
                assertThat(robot.lookup(id).queryButton().isDisabled()).as(id).isTrue();
            }
            assertThat(table.getContextMenu().getItems()).allSatisfy(item -> assertThat(item.isDisable()).isTrue());
            assertThat(recent.getContextMenu().getItems()).allSatisfy(item -> assertThat(item.isDisable()).isTrue());
        } finally {
            cora.close();
        }
    }

    /** A demo story (agency headline starting so) headlined, approved and published by solo. */
    private StoryId published(String agencyStart, String house) {
        Story story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith(agencyStart)).findFirst().orElseThrow();
        app.desk().claim(app.user(), story.id());
        app.desk().submit(app.user(), story.id(), house, null);
        app.desk().approve(app.user(), story.id());
        app.publish().publish(app.user(), story.id(), site);
        return story.id();
    }

    private void showPublishScreen(FxRobot robot) {
        robot.interact(changes::changed);
        robot.clickOn("#tab-publish");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Right-clicks as a member would (which selects the row), then asks for the context menu as the platform does
     * on a right click: Monocle's mouse never sends that request (MonocleView.notifyMenu has no caller).
     */
    private static void openContextMenu(FxRobot robot, Node target) {
        robot.rightClickOn(target);
        robot.interact(() -> {
            javafx.geometry.Bounds screen = target.localToScreen(target.getBoundsInLocal());
            target.fireEvent(new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, screen.getWidth() / 2,
                    screen.getHeight() / 2, screen.getCenterX(), screen.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Node cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#status-notice").queryAs(Label.class).getText();
    }

    private Path pageOf(StoryId id) throws IOException {
        try (var files = Files.list(site.resolve("stories"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(id.value() + "-")).findFirst()
                    .orElseThrow();
        }
    }

    private static int indexOf(TableView<PublishedStory> table, StoryId id) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no row for story " + id);
    }
}
