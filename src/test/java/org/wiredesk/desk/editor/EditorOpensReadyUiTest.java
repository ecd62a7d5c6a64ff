package org.wiredesk.desk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
import org.wiredesk.desk.MainWindow;
import org.wiredesk.desk.common.FxTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.Role;
import org.wiredesk.story.Story;
import org.wiredesk.store.TestDesk;

/**
 * Opening a story in the real desk window, with the load in the background as in the app (issue 12 point 5): the
 * editor reaches the screen once, already holding its story with the headline field focused; what waits until
 * later (the revision list, the tooltips) still comes and still works; a slow load still shows the editor.
 */
@ExtendWith(ApplicationExtension.class)
class EditorOpensReadyUiTest {
    @TempDir
    static Path site;

    private TestDesk desk;
    private AppContext app;
    private Stage stage;
    private Scene scene;
    private FxTaskRunner pool;
    /** How long each background task waits before it runs (a slow store), in milliseconds. */
    private volatile long storeDelay;
    private MainWindow window;
    private Story story;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk = TestDesk.inMemory(true);
        app = AppContext.open(desk.add("solo", Role.values()), site, Clock.systemUTC());
        DemoWire.ingest(app.ingest(), "solo");
        story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port of Calder")).findFirst().orElseThrow();
        pool = new FxTaskRunner();
        TaskRunner slowStore = new TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                                java.util.function.Consumer<Throwable> onFailure) {
                pool.run(() -> {
                    Thread.sleep(storeDelay);
                    return work.call();
                }, onSuccess, onFailure);
            }
        };
        window = new MainWindow(WireDeskApp.services(app, slowStore, new StoreChanges(), url -> { }));
        scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(WireDeskApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        window.start();
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(window::stop);
        pool.close();
        app.close();
        desk.close();
    }

    /** What each layout pulse after the open saw of the house headline field (null: not in the scene yet). */
    private record Seen(boolean inScene, String text, boolean editable, boolean focused) {
    }

    @Test
    void theEditorReachesTheScreenOnceAlreadyHoldingItsStoryWithTheHeadlineFocused(FxRobot robot) throws Exception {
        List<Seen> pulses = new CopyOnWriteArrayList<>();
        Runnable watch = () -> {
            var field = scene.lookup("#editor-house-headline");
            pulses.add(field instanceof TextField f ? new Seen(true, f.getText(), f.isEditable(), f.isFocused())
                    : new Seen(false, null, false, false));
        };
        robot.interact(() -> {
            scene.addPostLayoutPulseListener(watch);
            window.openEditor(story.id());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pulses.stream().anyMatch(Seen::focused));
        robot.interact(() -> scene.removePostLayoutPulseListener(watch));

        Seen first = pulses.stream().filter(Seen::inScene).findFirst().orElseThrow();
        assertThat(first).as("the first layout that holds the editor (every pulse: %s)", pulses)
                .isEqualTo(new Seen(true, story.agencyHeadline().text(), true, true));
        robot.write("Calder");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-house-headline").queryAs(TextField.class).getText())
                .isEqualTo(story.agencyHeadline().text() + "Calder");
    }

    @Test
    void theRevisionListIsMadeWhenItsPaneFirstOpensAndStillComparesAndReverts(FxRobot robot) throws Exception {
        robot.interact(() -> window.openEditor(story.id()));
        // skins (the pane's content among them) are made in the pulse after the editor enters the scene
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#editor-revert") != null
                && scene.getFocusOwner() instanceof TextField f && "editor-house-headline".equals(f.getId()));
        assertThat(robot.lookup("#editor-revisions").tryQuery()).as("no list while the pane is shut").isEmpty();
        assertThat(robot.lookup("#editor-revert").queryAs(Button.class)).as("its command is there, for the read-only rule")
                .isNotNull();

        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.interact(() -> headline.setText("Calder port reopens after storm"));
        robot.clickOn("#editor-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.desk().headlineHistory(story.id()).isEmpty());
        robot.interact(() -> headline.setText("Something else entirely"));
        robot.clickOn("#editor-history .title");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<HeadlineDraft> list = robot.lookup("#editor-revisions").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#editor-revert");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).isEqualTo("Calder port reopens after storm");
    }

    @Test
    void theEditorsButtonsHaveTheirTooltipsOnceItIsShown(FxRobot robot) throws Exception {
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#editor-undo") instanceof Button b
                && b.getTooltip() != null);
        Button undo = (Button) scene.lookup("#editor-undo");
        assertThat(undo.getTooltip().getText()).isEqualTo("Undo the last change to the headline (Ctrl+Z)");
        assertThat(((Button) scene.lookup("#editor-submit")).getTooltip().getText())
                .isEqualTo("Send the story to the desk chief (Ctrl+Enter)");
        assertThat(((javafx.scene.control.Label) scene.lookup("#editor-autosave")).getTooltip()).isNotNull();
    }

    @Test
    void aSlowStoreStillShowsTheEditorAtOnceReadOnlyUntilTheStoryArrives(FxRobot robot) throws Exception {
        storeDelay = 2_000;
        long opened = System.nanoTime();
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scene.lookup("#editor-house-headline") != null);
        long shownMs = (System.nanoTime() - opened) / 1_000_000;
        TextField headline = (TextField) scene.lookup("#editor-house-headline");
        assertThat(shownMs).as("shown before the story arrived").isLessThan(storeDelay);
        assertThat(headline.isEditable()).as("not the member's to edit before it is loaded").isFalse();

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> headline.isEditable() && headline.isFocused());
        assertThat(headline.getText()).isEqualTo(story.agencyHeadline().text());
    }
}
