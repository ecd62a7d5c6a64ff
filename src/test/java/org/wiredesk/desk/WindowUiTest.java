package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
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
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.MemberPrefs;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/** Issue 12 point 2: the window opens at a sensible size, remembers itself per member, and owns its dialogs. */
@ExtendWith(ApplicationExtension.class)
class WindowUiTest {
    @TempDir
    static Path site;
    @TempDir
    Path home;

    private SoloDesk testDesk;
    private AppContext app;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DemoWire.ingest(app.ingest(), "solo");
    }

    @AfterEach
    void tearDown() throws Exception {
        // the window as the desk opens it sets AtlantaFX's theme for the application; the other tests run on Modena
        org.testfx.api.FxToolkit.setupFixture(() -> javafx.application.Application.setUserAgentStylesheet(null));
        app.close();
        testDesk.close();
    }

    private MainWindow open(FxRobot robot, Stage on) {
        AtomicReference<MainWindow> opened = new AtomicReference<>();
        robot.interact(() -> {
            MainWindow w = new MainWindow(WireDeskApp.services(app, new DirectTaskRunner(), new StoreChanges(),
                    url -> { }), MemberPrefs.of(home, "solo"));
            w.showIn(on);
            w.start();
            opened.set(w);
        });
        return opened.get();
    }

    private Stage newStage(FxRobot robot) {
        AtomicReference<Stage> made = new AtomicReference<>();
        robot.interact(() -> made.set(new Stage()));
        return made.get();
    }

    @Test
    void aFirstStartOpensAtMostOfTheScreenCentred(FxRobot robot) {
        window = open(robot, stage);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getWidth()).isCloseTo(screen.getWidth() * 0.85, within(2.0));
        assertThat(stage.getHeight()).isCloseTo(screen.getHeight() * 0.85, within(2.0));
        assertThat(stage.getX() + stage.getWidth() / 2).isCloseTo(screen.getMinX() + screen.getWidth() / 2,
                within(2.0));
        assertThat(stage.getY() + stage.getHeight() / 2).isCloseTo(screen.getMinY() + screen.getHeight() / 2,
                within(2.0));
        Screenshots.save(stage, "window-first-start");
    }

    @Test
    void sizePlaceAndColumnWidthsComeBackAfterQuittingWithCtrlQ(FxRobot robot) throws Exception {
        window = open(robot, stage);
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        TableColumn<StorySummary, ?> source = column(table, "Source");
        // the table at the window's full width, as this test has always measured it: the preview pane (F8) off
        robot.clickOn("#inbox-table").type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(1100);
            stage.setHeight(700);
            source.setPrefWidth(260);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sourceWidth = source.getWidth();
        assertThat(sourceWidth).isGreaterThan(200);

        robot.clickOn("#inbox-table");
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Ctrl+Q quits the window").isFalse();
        assertThat(Files.readString(home.resolve("members/solo.properties")))
                .contains("window.width=1100.0").contains("column.inbox-table.Source=");

        Stage again = newStage(robot);
        open(robot, again);
        assertThat(again.getX()).isEqualTo(60);
        assertThat(again.getY()).isEqualTo(40);
        assertThat(again.getWidth()).isEqualTo(1100);
        assertThat(again.getHeight()).isEqualTo(700);
        TableView<StorySummary> reopened = robot.lookup("#inbox-table").match(n -> n.getScene().getWindow() == again)
                .queryTableView();
        assertThat(column(reopened, "Source").getWidth()).isCloseTo(sourceWidth, within(2.0));
        robot.interact(again::hide);
    }

    @Test
    void aMaximisedWindowOpensMaximisedAndKeepsItsNormalSizeForLater(FxRobot robot) throws Exception {
        window = open(robot, stage);
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(650);
        });
        robot.interact(() -> stage.setMaximized(true));
        robot.interact(stage::hide);

        Stage again = newStage(robot);
        open(robot, again);
        assertThat(again.isMaximized()).isTrue();
        robot.interact(again::hide);
        // the size it had before it was maximised is what un-maximising brings back, and it is kept
        assertThat(Files.readString(home.resolve("members/solo.properties"))).contains("window.maximized=true")
                .contains("window.width=1000.0").contains("window.height=650.0");
    }

    @Test
    void aDialogOpensCentredOnTheWindowAndLeavesItsSizeAlone(FxRobot robot) {
        window = open(robot, stage);
        robot.interact(() -> {
            stage.setX(100);
            stage.setY(50);
            stage.setWidth(1200);
            stage.setHeight(780);
        });
        robot.clickOn("#inbox-add-url");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w instanceof Stage s && s.getOwner() == stage).findFirst().orElseThrow();
        Screenshots.save(stage, "window-dialog-centred");
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(100 + 600, within(30.0));
        assertThat(dialog.getY() + dialog.getHeight() / 2).isCloseTo(50 + 390, within(60.0));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();
        assertThat(stage.getWidth()).isEqualTo(1200);
        assertThat(stage.getHeight()).isEqualTo(780);
        assertThat(stage.getX()).isEqualTo(100);
    }

    @Test
    void everyMenuItemNamesItsKeysAndTheFileMenuQuits(FxRobot robot) {
        window = open(robot, stage);
        MenuBar bar = robot.lookup("#menu-bar").query();
        assertThat(bar.getMenus()).extracting(Menu::getText).startsWith("_File", "_Inbox", "_Go");
        MenuItem quit = bar.getMenus().get(0).getItems().get(0);
        assertThat(quit.getText()).isEqualTo("_Quit");
        assertThat(quit.getAccelerator().getDisplayText()).isEqualTo("Ctrl+Q");
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (!(item instanceof SeparatorMenuItem) && !(item instanceof Menu)) {
                    assertThat(item.getAccelerator()).as(item.getText()).isNotNull();
                }
            }
        }
        robot.clickOn("#menu-file");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage, "window-file-menu");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theInboxLettersTypeIntoTheSearchFieldInsteadOfSpiking(FxRobot robot) {
        window = open(robot, stage);
        TableView<StorySummary> table = robot.lookup("#inbox-table").queryTableView();
        int before = table.getItems().size();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#inbox-search").write("s");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.stories().countByStatus().getOrDefault(org.wiredesk.story.Status.SPIKED, 0)).isZero();
        assertThat(robot.lookup("#inbox-search").queryTextInputControl().getText()).isEqualTo("s");
        assertThat(before).isGreaterThan(0);
    }

    @Test
    void quittingReleasesTheClaimsOnTheStoriesOpenInTheWindow(FxRobot robot) {
        window = open(robot, stage);
        StoryId id = app.stories().after(0, 1).get(0).id();
        robot.interact(() -> window.openEditor(id));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().claimOn(id)).as("opening the story claims it").isPresent();
        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        assertThat(app.desk().claimOn(id)).as("a clean exit leaves no claim behind").isEmpty();
    }

    @Test
    void theGoMenuKeysBringEachScreenForward(FxRobot robot) {
        window = open(robot, stage);
        robot.clickOn("#inbox-table");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TabPane tabs = robot.lookup("#desk-tabs").query();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-publish");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-settings");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-inbox");
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<StorySummary, ?> column(TableView<StorySummary> table, String title) {
        return (TableColumn<StorySummary, ?>) table.getColumns().stream().filter(c -> title.equals(c.getText()))
                .findFirst().orElseThrow();
    }
}
