package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.common.Browser;
import org.wiredesk.desk.common.DeskLook;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.MemberPrefs;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;

/**
 * Issue 12 point 8: the details people notice. The window is opened as the desk opens it (its member's preferences,
 * the themes, a browser that says why it cannot open a page on a machine without a display).
 */
@ExtendWith(ApplicationExtension.class)
class DetailsUiTest {
    @TempDir
    static Path site;
    @TempDir
    Path home;

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
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null)); // others run on Modena
        app.close();
        testDesk.close();
    }

    private MainWindow open(FxRobot robot, Stage on) {
        AtomicReference<MainWindow> opened = new AtomicReference<>();
        // no DISPLAY in this environment: the browser says so
        Browser browser = new Browser(Map.of("PATH", "/usr/bin:/bin"), "Linux", url -> { });
        robot.interact(() -> {
            MainWindow w = new MainWindow(WireDeskApp.services(app, new DirectTaskRunner(), changes, browser::open),
                    MemberPrefs.of(home, "solo"));
            w.showIn(on);
            w.start();
            opened.set(w);
        });
        return opened.get();
    }

    @Test
    void theDarkThemeAndTheZoomAreKeptAcrossARestartOfTheWindow(FxRobot robot) {
        window = open(robot, stage);
        Parent root = stage.getScene().getRoot();
        double normalSize = robot.lookup("#header-user").queryLabeled().getFont().getSize();
        assertThat(root.getStyleClass()).contains("wd-light");

        robot.clickOn("#inbox-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.D).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.look().themeProperty().get()).isEqualTo(DeskLook.Theme.DARK);
        assertThat(window.look().zoomProperty().get()).isEqualTo(125);
        assertThat(root.getStyleClass()).contains("wd-dark", "wd-zoom-125").doesNotContain("wd-light");
        assertThat(robot.lookup("#header-user").queryLabeled().getFont().getSize())
                .isCloseTo(normalSize * 1.25, org.assertj.core.api.Assertions.within(0.6));
        Screenshots.save(stage, "dark-inbox-zoomed");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.look().zoomProperty().get()).isEqualTo(110);

        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();

        AtomicReference<Stage> again = new AtomicReference<>();
        robot.interact(() -> again.set(new Stage()));
        MainWindow reopened = open(robot, again.get());
        Parent newRoot = again.get().getScene().getRoot();
        assertThat(newRoot.getStyleClass()).as("the member's theme and zoom, after a restart")
                .contains("wd-dark", "wd-zoom-110");
        RadioMenuItem dark = (RadioMenuItem) robot.lookup("#menu-bar")
                .match(n -> n.getScene().getWindow() == again.get()).queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow()
                .getItems().stream().filter(i -> "menu-theme-dark".equals(i.getId())).findFirst().orElseThrow();
        assertThat(dark.isSelected()).isTrue();
        robot.interact(() -> reopened.openEditor(storyTitled("Port of Calder").id()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(again.get(), "dark-editor");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reopened.look().zoomProperty().get()).isEqualTo(100);
        assertThat(newRoot.getStyleClass()).noneMatch(c -> c.startsWith("wd-zoom-"));
        robot.interact(() -> again.get().hide());
    }

    @Test
    void anUrgentStoryIsMarkedInTheBangColumnWithWordsForItsMark(FxRobot robot) {
        window = open(robot, stage);
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        int row = indexOf(table, "Urgent: Earthquake");
        var cell = robot.from(table).lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getTableColumn().getText().equals("!") && c.getIndex() == row).queryAs(Labeled.class);
        assertThat(cell.getGraphic()).isNotNull();
        assertThat(robot.from(cell.getGraphic()).lookup(".wd-icon-urgent").tryQuery()).isPresent();
        assertThat(cell.getAccessibleText()).isEqualTo("Urgent");
        assertThat(cell.getTooltip().getText()).startsWith("Urgent");
        int calm = indexOf(table, "Port of Calder");
        var calmCell = robot.from(table).lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getTableColumn().getText().equals("!") && c.getIndex() == calm).queryAs(Labeled.class);
        assertThat(calmCell.getGraphic()).isNull();
        Screenshots.save(stage, "inbox-urgent-mark");
    }

    @Test
    void theWordDiffKeepsASpaceBetweenWhatWasTakenOutAndWhatWasPutIn(FxRobot robot) {
        window = open(robot, stage);
        Story grid = storyTitled("Grid operator plans");
        robot.interact(() -> window.openEditor(grid.id()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Grid operator unveils longer 10-year plan");
        WaitForAsyncUtils.waitForFxEvents();
        TextFlow diff = robot.lookup("#editor-diff").query();
        StringBuilder shown = new StringBuilder();
        for (Node n : diff.getChildren()) {
            shown.append(((Text) n).getText());
        }
        assertThat(grid.agencyHeadline().text()).isEqualTo("Grid operator plans for longer summer heatwaves");
        assertThat(shown.toString()).isEqualTo("vs agency:  Grid operator plans for unveils longer summer 10-year "
                + "heatwaves plan");
        Screenshots.save(stage, "editor-diff-spaced");
    }

    @Test
    void aSelectedRowReadsInTheSelectionsOwnColourWhateverItsStatus(FxRobot robot) {
        Story port = storyTitled("Port of Calder");
        app.desk().claim(app.user(), port.id());
        app.desk().submit(app.user(), port.id(), "Calder port reopens after storm", null); // a blue row
        Story museum = storyTitled("Museum returns");
        app.desk().claim(app.user(), museum.id());
        app.desk().submit(app.user(), museum.id(), "Museum returns bronze statues", null);
        app.desk().approve(app.user(), museum.id());
        app.publish().publish(app.user(), museum.id(), app.site()); // a Recent Post
        window = open(robot, stage);

        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().clearSelection());
        int row = indexOf(table, "Calder port reopens");
        TableRow<?> selected = (TableRow<?>) robot.from(table).lookup(".table-row-cell")
                .match(n -> n instanceof TableRow<?> r && r.getIndex() == row).query();
        robot.clickOn(selected);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected.isSelected()).isTrue();
        assertThat(selected.getStyleClass()).contains("wd-status-submitted");
        for (Node text : selected.lookupAll(".text")) {
            assertThat(((Text) text).getFill()).as("text in the selected row").isEqualTo(Color.web("#1d2330"));
        }

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<RecentPost> recent = robot.lookup("#publish-recent").queryListView();
        assertThat(recent.getItems()).isNotEmpty();
        robot.interact(() -> {
            recent.requestFocus();
            recent.getSelectionModel().select(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node teaser = robot.from(recent).lookup(".wd-recent-teaser").query();
        assertThat(((javafx.scene.control.Label) teaser).getTextFill()).as("a selected Recent Posts teaser")
                .isEqualTo(Color.web("#1d2330"));
        Screenshots.save(stage, "publish-recent-selected");
    }

    @Test
    void openSiteSaysWhyItCannotOpenTheSite(FxRobot robot) throws Exception {
        window = open(robot, stage);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        robot.clickOn("#publish-open-site");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice(robot)).startsWith("Nothing to open yet: ").contains("index.html")
                .endsWith("does not exist until a story is published");

        Files.createDirectories(app.site());
        Files.writeString(app.site().resolve("index.html"), "<!doctype html><title>Site</title>");
        robot.clickOn("#publish-open-site");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice(robot)).isEqualTo("There is no display to open a browser on (neither DISPLAY nor "
                + "WAYLAND_DISPLAY is set): the page is " + app.site().resolve("index.html"));
        assertThat(robot.lookup("#status-notice").queryLabeled().getStyleClass()).contains("wd-problem");
        Screenshots.save(stage, "publish-open-site-says-why");
    }

    @Test
    void everyIconOnlyControlHasWordsForAScreenReaderAndATooltip(FxRobot robot) {
        window = open(robot, stage);
        robot.interact(() -> window.openEditor(storyTitled("Port of Calder").id()));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#desk-tabs").query();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int at = i;
            robot.interact(() -> tabs.getSelectionModel().select(at));
            WaitForAsyncUtils.waitForFxEvents();
            collectIconOnly(stage.getScene().getRoot(), missing);
        }
        assertThat(missing).as("icon-only controls without accessible text or a tooltip").isEmpty();
    }

    @Test
    void theDeskCanBeWorkedFromTheKeyboardAlone(FxRobot robot) {
        window = open(robot, stage);
        TabPane tabs = robot.lookup("#desk-tabs").query();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).as("Ctrl+F brings the inbox forward")
                .isEqualTo("tab-inbox");
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("inbox-search");
        robot.write("Port of");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("inbox-table");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).startsWith("tab-editor-");
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).noneMatch(t -> t.getId().startsWith("tab-editor-"));
        assertThat(tabs.getSelectionModel().getSelectedItem().getId())
                .as("the screen the story was opened from comes back, not the tab pane's neighbour")
                .isEqualTo("tab-inbox");
        javafx.scene.control.TableView<?> table = robot.lookup("#inbox-table").query();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).startsWith("tab-editor-");
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> closeButton = () -> robot
                .lookup(".tab-close-button").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .reduce((a, b) -> b);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> closeButton.get().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the story tab shows no close button", e);
        }
        robot.clickOn(closeButton.get().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).as("so does the tab's close button")
                .isEqualTo("tab-inbox");

        // Tab moves on from the search field rather than staying in it
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner().getId()).isNotEqualTo("inbox-search");
        // the menus open from the keyboard: F10 focuses the menu bar
        robot.type(KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
    }

    /** Every visible Labeled or Control that shows only an icon must say what it is, in words and on hover. */
    private static void collectIconOnly(Node node, List<String> missing) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getGraphic() != null && (l.getText() == null || l.getText().isBlank())
                && !(node instanceof javafx.scene.control.IndexedCell<?> cell && cell.isEmpty())
                && !isPartOfAControl(l)) {
            boolean words = l.getAccessibleText() != null && !l.getAccessibleText().isBlank();
            boolean tip = l.getTooltip() != null;
            if (!words || !tip) {
                missing.add(node.getClass().getSimpleName() + "#" + node.getId() + " " + l.getStyleClass());
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectIconOnly(child, missing);
            }
        }
    }

    /** A skin's own inner label (a tab's header, a combo box's button cell) is the control's, which says itself. */
    private static boolean isPartOfAControl(Labeled l) {
        for (Parent at = l.getParent(); at != null; at = at.getParent()) {
            if (at instanceof Control c && !(c instanceof javafx.scene.control.TableView<?>)
                    && !(c instanceof ListView<?>) && c.getSkin() != null
                    && !(c instanceof javafx.scene.control.ToolBar)) {
                return !(at instanceof javafx.scene.control.Cell<?>);
            }
        }
        return false;
    }

    private static String notice(FxRobot robot) {
        return robot.lookup("#status-notice").queryLabeled().getText();
    }

    private Story storyTitled(String start) {
        return app.stories().findAll(Set.of()).stream().filter(s -> s.agencyHeadline().text().startsWith(start)
                || s.house().map(h -> h.text().startsWith(start)).orElse(false)).findFirst().orElseThrow();
    }

    private static int indexOf(TableView<StorySummary> table, String start) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).runningHeadline().text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no row starting " + start);
    }
}
