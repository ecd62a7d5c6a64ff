package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.DeskLook;
import org.wiredesk.desk.signin.SignInDialog;
import org.wiredesk.story.Story;
import org.wiredesk.story.Status;

/**
 * Issue 12 point 12: every screen of the desk, as the desk opens it (its theme, its stylesheet, its dialogs), in the
 * light and the dark theme, saved as SCREEN-THEME.png. docs/images is refreshed from these with
 * {@code mvn -B -Dtest=ScreenTourUiTest -Dwiredesk.screenshots.dir=docs/images test}.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTourUiTest {
    @TempDir
    static Path site;
    @TempDir
    Path home;

    private SoloDesk testDesk;
    private AppContext app;
    private Stage stage;
    private final List<Path> saved = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        // one story waits for approval, one for publication, one is on the site
        retitle(titled("Port of Calder"), "Calder port reopens as the storm passes");
        Story budget = titled("Central bank");
        retitle(budget, "Central bank holds rates and hints at a spring cut");
        app.desk().approve(app.user(), budget.id());
        Story strike = titled("Rail workers");
        retitle(strike, "Rail strike ends after workers accept pay deal");
        app.desk().approve(app.user(), strike.id());
        app.publish().publish(app.user(), strike.id(), site);
    }

    private Story titled(String start) {
        return app.stories().findAll(Set.of()).stream().filter(s -> s.agencyHeadline().text().startsWith(start))
                .findFirst().orElseThrow();
    }

    private void retitle(Story story, String house) {
        app.desk().claim(app.user(), story.id());
        app.desk().submit(app.user(), story.id(), house, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        DeskWindows.undress();
        app.close();
        testDesk.close();
    }

    @ParameterizedTest
    @EnumSource(DeskLook.Theme.class)
    void everyScreenInBothThemes(DeskLook.Theme theme, FxRobot robot) throws Exception {
        String suffix = "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
        AtomicReference<MainWindow> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(DeskWindows.dressed(stage, app, home, theme)));
        MainWindow window = opened.get();
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> inbox = robot.lookup("#inbox-table").queryTableView();
        assertThat(inbox.getItems()).isNotEmpty();
        robot.interact(() -> inbox.getSelectionModel().select(0));
        save("inbox" + suffix);

        robot.clickOn("#inbox-search").write("ferry").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        save("inbox-search" + suffix);
        robot.interact(() -> robot.lookup("#inbox-search").queryAs(TextField.class).clear());
        robot.clickOn("#inbox-group");
        WaitForAsyncUtils.waitForFxEvents();
        save("inbox-grouped" + suffix);
        robot.clickOn("#inbox-group");

        robot.clickOn("#inbox-add-url");
        WaitForAsyncUtils.waitForFxEvents();
        save("inbox-add-url" + suffix);
        robot.type(KeyCode.ESCAPE);

        Story fresh = titled("Urgent: Earthquake");
        robot.interact(() -> window.openEditor(fresh.id()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#editor-house-headline").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("BREAKING: Quake of magnitude 5.8 strikes off the east coast , no damage reported!!");
        WaitForAsyncUtils.waitForFxEvents();
        save("editor" + suffix);
        // the headline's style decoration wraps the scene's root: the editor keeps the member's theme all the same
        javafx.scene.layout.Region side = robot.lookup(".wd-house-side").queryAs(javafx.scene.layout.Region.class);
        double brightness = ((javafx.scene.paint.Color) side.getBackground().getFills().get(0).getFill()).getBrightness();
        if (theme == DeskLook.Theme.DARK) {
            assertThat(brightness).as("the dark editor's paper").isLessThan(0.3);
        } else {
            assertThat(brightness).as("the light editor's paper").isGreaterThan(0.8);
        }
        Story submitted = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.status() == Status.SUBMITTED).findFirst().orElseThrow();
        robot.interact(() -> window.openEditor(submitted.id()));
        WaitForAsyncUtils.waitForFxEvents();
        save("editor-read-only" + suffix);

        for (String screen : List.of("approval", "publish", "sources", "quarantine", "settings")) {
            robot.clickOn("#tab-" + screen);
            WaitForAsyncUtils.waitForFxEvents();
            Optional<TableView<?>> table = robot.lookup("#" + screen + "-table").tryQuery()
                    .map(n -> (TableView<?>) n);
            table.filter(t -> !t.getItems().isEmpty())
                    .ifPresent(t -> robot.interact(() -> t.getSelectionModel().select(0)));
            WaitForAsyncUtils.waitForFxEvents();
            save(screen + suffix);
        }

        robot.clickOn("#status-notices");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(DeskLook.classesAround(robot.lookup("#notices-list").query()))
                .as("the list of messages wears the window's theme")
                .contains(theme == DeskLook.Theme.DARK ? "wd-dark" : "wd-light");
        save("notices" + suffix);
        robot.type(KeyCode.ESCAPE);

        AtomicReference<SignInDialog> signIn = new AtomicReference<>();
        robot.interact(() -> signIn.set(new SignInDialog(SignInDialog.Mode.CREATE, "olive",
                "/home/olive/.wiredesk/store")));
        robot.interact(() -> javafx.application.Platform.runLater(() -> signIn.get().showAndWait()));
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.lookup("#sign-in-name").query().getScene().getWindow();
        robot.interact(() -> {
            dialog.setX(0);
            dialog.setY(0);
        });
        save(dialog, "sign-in" + suffix);
        robot.interact(dialog::hide);

        for (Path file : saved) {
            assertThat(Files.size(file)).as(file + " holds a picture").isGreaterThan(5_000);
        }
    }

    private void save(String name) {
        save(stage, name);
    }

    private void save(Window window, String name) {
        saved.add(Screenshots.save(window, name));
    }
}
