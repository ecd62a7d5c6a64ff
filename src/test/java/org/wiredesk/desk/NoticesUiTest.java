package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
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
import org.wiredesk.desk.common.Notices;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;

/** Issue 12 point 3: one notification area, in the status bar, with the last messages kept; none in a toolbar. */
@ExtendWith(ApplicationExtension.class)
class NoticesUiTest {
    @TempDir
    static Path site;

    private SoloDesk testDesk;
    private AppContext app;
    private Stage stage;
    private MainWindow window;
    private final StoreChanges changes = new StoreChanges();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        window = DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void anApprovalIsConfirmedInTheStatusBarInFullAndKeptInTheList(FxRobot robot) {
        Story story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port of Calder")).findFirst().orElseThrow();
        app.desk().claim(app.user(), story.id());
        app.desk().submit(app.user(), story.id(), "Calder port reopens after storm", null);
        robot.interact(changes::changed);
        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        robot.interact(() -> queue.getSelectionModel().select(0));
        robot.clickOn("#approval-approve");
        WaitForAsyncUtils.waitForFxEvents();

        Label notice = robot.lookup("#status-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("Approved: Calder port reopens after storm");
        assertThat(notice.getStyleClass()).doesNotContain("wd-problem");
        assertShownWhole(notice);
        assertThat(window.notices().kept().get(0).where()).isEqualTo("Approval");
        Screenshots.save(stage, "notices-approved");
    }

    @Test
    void aRefusalSaysWhyInRedAndTheListShowsTheLastOnesWithTimeAndSeverity(FxRobot robot) {
        robot.clickOn("#inbox-add-url");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("not an address").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#status-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("Paste an http(s) address of a feed or an article page");
        assertThat(notice.getStyleClass()).contains("wd-problem");
        assertShownWhole(notice);

        // the same refusal again is said again, not swallowed because the text did not change
        robot.clickOn("#inbox-add-url");
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("still not").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.notices().kept()).filteredOn(n -> n.severity() == Notices.Severity.PROBLEM).hasSize(2);

        robot.clickOn("#status-notices");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Notices.Notice> list = robot.lookup("#notices-list").queryListView();
        assertThat(list.getScene().getWindow().isShowing()).isTrue();
        assertThat(list.getItems()).hasSizeGreaterThanOrEqualTo(2);
        Node cell = robot.from(list).lookup(".list-cell").query();
        assertThat(((javafx.scene.control.Labeled) cell).getText())
                .matches("\\d\\d:\\d\\d:\\d\\d  Problem  Inbox:  Paste an http\\(s\\) address.*");
        Screenshots.save(stage, "notices-list");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getScene().getWindow().isShowing()).isFalse();
    }

    @Test
    void aRefusalOnTheSourcesScreenIsAProblemAndItsDialogOpensOverTheWindow(FxRobot robot) {
        robot.clickOn("#tab-sources");
        robot.clickOn("#credits-set");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.lookup("#credit-address").query().getScene().getWindow();
        assertThat(((Stage) dialog).getOwner()).isSameAs(stage);
        robot.clickOn("#credit-agency").write("dpa");
        robot.clickOn("#credit-address").write("not an address");
        robot.clickOn("#credit-ok");
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#status-notice").queryAs(Label.class);
        assertThat(notice.getStyleClass()).contains("wd-problem");
        assertThat(window.notices().kept()).as("newest first").first().satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Notices.Severity.PROBLEM);
            assertThat(n.where()).isEqualTo("Sources");
        });

        robot.clickOn("#credits-set");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#credit-agency").write("dpa");
        robot.clickOn("#credit-address").write("https://www.dpa.com/en");
        robot.clickOn("#credit-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice.getStyleClass()).doesNotContain("wd-problem");
        assertThat(window.notices().kept()).first().satisfies(n ->
                assertThat(n.severity()).isEqualTo(Notices.Severity.DONE));
    }

    @Test
    void noScreenKeepsItsMessagesInAToolbar(FxRobot robot) {
        for (String tab : new String[] {"#tab-inbox", "#tab-approval", "#tab-publish", "#tab-sources",
                "#tab-quarantine", "#tab-settings"}) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            for (Node bar : robot.lookup(".tool-bar").queryAll()) {
                assertThat(((ToolBar) bar).getItems()).as(tab + " toolbar")
                        .noneMatch(n -> n.isVisible() && n.getStyleClass().contains("wd-message"));
            }
        }
    }

    /** The label is inside the window and as wide as its text needs: no overflow and no ellipsis. */
    private void assertShownWhole(Label label) {
        Bounds onScreen = label.localToScreen(label.getBoundsInLocal());
        assertThat(onScreen.getMaxX()).isLessThanOrEqualTo(stage.getX() + stage.getWidth() + 1);
        assertThat(onScreen.getMaxY()).isLessThanOrEqualTo(stage.getY() + stage.getHeight() + 1);
        assertThat(label.isVisible()).isTrue();
        Node text = label.lookup(".text");
        assertThat(((javafx.scene.text.Text) text).getText()).isEqualTo(label.getText());
    }
}
