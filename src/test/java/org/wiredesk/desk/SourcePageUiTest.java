package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Story;

/**
 * The editor's "Source page" button, driven headless: it opens the story's archived original in a tab of its own,
 * with its SHA-256 and address, its blocks, and its decoded text shown as text (issue 11, point 5).
 */
@ExtendWith(ApplicationExtension.class)
class SourcePageUiTest {
    @TempDir
    static Path site;

    private SoloDesk testDesk;
    private AppContext app;
    private Stage stage;
    private MainWindow window;
    private Story story;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port of Calder")).findFirst().orElseThrow();
        window = DeskWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void theEditorsSourcePageButtonShowsTheArchivedOriginalAsText(FxRobot robot) {
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#editor-source-page");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage, "source-page");

        var kept = app.stories().originals().ofStory(story.id()).orElseThrow();
        assertThat(robot.lookup("#source-sha256").queryAs(TextField.class).getText()).isEqualTo(kept.sha256());
        assertThat(robot.lookup("#source-address").queryAs(TextField.class).getText())
                .isEqualTo(kept.url() != null ? kept.url().toString() : kept.origin());
        @SuppressWarnings("unchecked")
        ListView<String> blocks = robot.lookup("#source-blocks").queryAs(ListView.class);
        assertThat(blocks.getItems()).containsAll(BodyText.paragraphs(story.body().html()));
        assertThat(robot.lookup("#source-text").queryAs(TextInputControl.class).getText()).contains("<p");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-source-" + story.id());

        // asked again, the same tab comes forward
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> window.openEditor(story.id()));
        robot.clickOn("#editor-source-page");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs().stream().filter(t -> ("tab-source-" + story.id()).equals(t.getId())).count())
                .isOne();
    }
}
