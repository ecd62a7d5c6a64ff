package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.publish.PublishedStory;
import org.wiredesk.story.Role;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * The source withdrew a story we ran, on the desk, driven headless: the desk chief is notified, the Published view
 * marks the story ("Source withdrew: 410 on 27 Nov 21:30"), and one click (on the mark, or in the context menu)
 * opens the kill with the reason filled in, which kills our copy through the usual kill.
 */
@ExtendWith(ApplicationExtension.class)
class WithdrawnStoriesUiTest {
    private static final String PORT = "Calder port reopens after storm";
    private static final String MUSEUM = "Museum returns bronze statues";
    private static final Instant SEEN = Instant.parse("2026-11-27T21:30:00Z");

    @TempDir
    static Path sites;

    private SoloDesk desk;
    private AppContext app;
    private MainWindow window;
    private final StoreChanges changes = new StoreChanges();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk = new SoloDesk(sites.resolve(java.util.UUID.randomUUID().toString()));
        app = desk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        window = DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        app.close();
        desk.close();
    }

    @Test
    void aDeskChiefIsToldSeesTheMarkAndKillsOurCopyInOneClickWithTheReasonFilledIn(FxRobot robot) {
        StoryId port = published("Port of Calder", PORT);
        published("Museum returns", MUSEUM);
        SourceWithdrawal gone = withdrawn(port);
        robot.interact(window.withdrawals()::check); // the beat's check, now
        showPublishScreen(robot);

        assertThat(window.withdrawals().alertProperty().get().text()).isEqualTo("The source withdrew a story we ran: "
                + "\u201c" + PORT + "\u201d (410 on " + gone.mark(ZoneId.systemDefault()).substring(
                "Source withdrew: 410 on ".length()) + "). Kill our copy from the Published view.");
        assertThat(robot.lookup(".notification-bar").tryQuery()).as("a ControlsFX notification").isPresent();
        Label mark = robot.lookup("#published-withdrawn-" + port).queryAs(Label.class);
        assertThat(mark.getText()).isEqualTo(gone.mark(ZoneId.systemDefault())).startsWith("Source withdrew: 410 on ");
        assertThat(robot.lookup("#publish-published .table-row-cell.wd-source-withdrawn").queryAll()).hasSize(1);
        robot.interact(() -> robot.lookup("#publish-published").queryTableView().getSelectionModel().select(0));
        robot.sleep(300); // Monocle paints on its own pulse
        Screenshots.save(stage, "publish-source-withdrew");

        robot.clickOn("#published-withdrawn-kill-" + port);
        TextArea reason = robot.lookup("#kill-reason").queryAs(TextArea.class);
        assertThat(reason.getText()).isEqualTo(gone.killReason(ZoneId.systemDefault()))
                .startsWith("The source withdrew this report: its page answered 410 Gone (seen ");
        Button confirm = robot.lookup("#kill-confirm").queryButton();
        assertThat(confirm.isDisabled()).as("the reason is there already").isFalse();
        assertThat(confirm.isDefaultButton()).as("Enter must not kill").isFalse();
        Screenshots.save(stage, "publish-kill-withdrawn-dialog");
        robot.clickOn(confirm);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.desk().story(port).status()).isEqualTo(Status.KILLED);
        var history = app.desk().statusHistory(port);
        assertThat(history.get(history.size() - 1).reason()).isEqualTo(gone.killReason(ZoneId.systemDefault()));
        assertThat(robot.lookup("#published-withdrawn-kill-" + port).tryQuery()).as("nothing more to kill").isEmpty();
        assertThat(robot.lookup("#published-withdrawn-" + port).tryQuery()).as("the mark stays, greyed").isPresent();
    }

    @Test
    void theContextMenuKillsWithTheReasonFilledInAndEditable(FxRobot robot) {
        StoryId port = published("Port of Calder", PORT);
        StoryId museum = published("Museum returns", MUSEUM);
        SourceWithdrawal gone = withdrawn(port);
        showPublishScreen(robot);
        TableView<PublishedStory> table = robot.lookup("#publish-published").queryTableView();

        robot.interact(() -> table.getSelectionModel().select(indexOf(table, museum)));
        assertThat(table.getContextMenu().getItems()).filteredOn(i -> "published-menu-kill-withdrawn".equals(i.getId()))
                .singleElement().satisfies(i -> assertThat(i.isDisable()).as("its source withdrew nothing").isTrue());
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, port)));
        openContextMenu(robot, robot.lookup("#published-withdrawn-" + port).query());
        robot.clickOn("#published-menu-kill-withdrawn");
        robot.clickOn("#kill-reason").press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL)
                .write(" Legal agreed.");
        robot.clickOn("#kill-confirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.desk().story(port).status()).isEqualTo(Status.KILLED);
        assertThat(app.desk().story(museum).status()).isEqualTo(Status.PUBLISHED);
        var history = app.desk().statusHistory(port);
        assertThat(history.get(history.size() - 1).reason())
                .isEqualTo(gone.killReason(ZoneId.systemDefault()) + " Legal agreed.");
    }

    @Test
    void aCopyEditorSeesTheMarkButIsNeitherAlertedNorOfferedTheKill(FxRobot robot) {
        StoryId port = published("Port of Calder", PORT);
        withdrawn(port);
        AppContext cora = desk.member("cora", Role.COPY_EDITOR);
        try {
            robot.interact(() -> window = DeskWindows.show(stage, cora));
            showPublishScreen(robot);

            assertThat(robot.lookup("#published-withdrawn-" + port).tryQuery()).isPresent();
            assertThat(robot.lookup("#published-withdrawn-kill-" + port).tryQuery()).isEmpty();
            assertThat(window.withdrawals().alertProperty().get()).isNull();
            assertThat(window.withdrawals().rechecks()).as("a copy editor's workstation leaves it to others").isFalse();
        } finally {
            cora.close();
        }
    }

    /** The source page answered 410 when solo's workstation checked it again. */
    private SourceWithdrawal withdrawn(StoryId id) {
        String url = app.desk().story(id).url().toString();
        assertThat(app.withdrawn().note(id, SourceWithdrawal.How.GONE_410, url + " answered HTTP 410", SEEN)).isTrue();
        return app.withdrawn().after(0).stream().map(n -> n.withdrawal()).filter(w -> w.story().equals(id))
                .findFirst().orElseThrow();
    }

    /** A demo story (agency headline starting so) headlined, approved and published by solo. */
    private StoryId published(String agencyStart, String house) {
        Story story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith(agencyStart)).findFirst().orElseThrow();
        app.desk().claim(app.user(), story.id());
        app.desk().submit(app.user(), story.id(), house, null);
        app.desk().approve(app.user(), story.id());
        app.publish().publish(app.user(), story.id(), app.site());
        return story.id();
    }

    private void showPublishScreen(FxRobot robot) {
        robot.interact(changes::changed);
        robot.clickOn("#tab-publish");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As PublishedStoriesUiTest: Monocle's mouse never asks for the context menu, so the request is fired. */
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

    private static int indexOf(TableView<PublishedStory> table, StoryId id) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no row for story " + id);
    }
}
