package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import org.wiredesk.desk.common.EmbargoText;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.Timing;

/**
 * Embargoes and schedules in the desk, driven headless (issue 10, point 6): the Publish screen says when each
 * approved story runs and schedules one in a dialog, "Publish all" leaves embargoed and scheduled stories waiting,
 * the inbox has an Embargo column while a story is under one, and the editor opens with the embargo in view.
 */
@ExtendWith(ApplicationExtension.class)
class EmbargoUiTest {
    private static final String PORT = "Calder port reopens after storm";
    private static final String MUSEUM = "Museum returns bronze statues";

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
    void theDeskChiefSeesWhenEachStoryRunsSchedulesOneAndPublishAllLeavesThemWaiting(FxRobot robot) {
        StoryId port = approved("Port of Calder", PORT);
        StoryId museum = approved("Museum returns", MUSEUM);
        Instant until = Instant.now().plus(Duration.ofHours(3));
        app.timing().embargo(app.user(), museum, until, "Sperrfrist of the agency");
        robot.interact(changes::changed);
        robot.clickOn("#tab-publish");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(runs(robot, MUSEUM)).isEqualTo("Embargo to " + EmbargoText.when(until));
        assertThat(runs(robot, PORT)).isEqualTo("When published");

        robot.clickOn(cell(robot, PORT));
        robot.clickOn("#publish-schedule");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#timing-confirm").query().isDisabled()).isFalse();
        robot.sleep(300);
        Screenshots.save(stage, "publish-schedule-dialog");
        robot.clickOn("#timing-confirm");
        WaitForAsyncUtils.waitForFxEvents();
        Instant scheduled = app.timing().timing(port).scheduledFor();
        assertThat(scheduled).isAfter(Instant.now());
        assertThat(runs(robot, PORT)).isEqualTo("At " + EmbargoText.when(scheduled));

        robot.clickOn("#publish-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-notice").queryAs(Label.class).getText())
                .startsWith("Published 0 stories, held 0.").contains("Waiting: Story " + museum + " is under embargo")
                .contains("Story " + port + " is scheduled for");
        assertThat(app.desk().story(port).status()).isEqualTo(Status.APPROVED);
        assertThat(app.desk().story(museum).status()).isEqualTo(Status.APPROVED);
        Screenshots.save(stage, "publish-embargo-and-schedule");

        robot.clickOn("#tab-inbox");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<StorySummary> inbox = robot.lookup("#inbox-table").queryTableView();
        var embargoColumn = inbox.getColumns().stream().filter(c -> c.getText().equals("Embargo")).findFirst()
                .orElseThrow();
        assertThat(embargoColumn.isVisible()).isTrue();
        Screenshots.save(stage, "inbox-embargo");

        robot.interact(() -> window.openEditor(museum));
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = robot.lookup("#editor-embargo").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("Embargoed until " + Timing.describe(until)
                + ": nothing publishes this story earlier.");
        Screenshots.save(stage, "editor-embargo");
    }

    private StoryId approved(String agencyStart, String house) {
        Story story = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith(agencyStart)).findFirst().orElseThrow();
        app.desk().claim(app.user(), story.id());
        app.desk().submit(app.user(), story.id(), house, null);
        app.desk().approve(app.user(), story.id());
        return story.id();
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.from(robot.lookup("#publish-table").queryTableView()).lookup(".table-cell")
                .match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && text.equals(c.getText()))
                .query();
    }

    /** The Runs cell of the approved story with this headline. */
    private static String runs(FxRobot robot, String headline) {
        TableView<StorySummary> table = robot.lookup("#publish-table").queryTableView();
        int row = 0;
        while (!table.getItems().get(row).runningHeadline().text().equals(headline)) {
            row++;
        }
        int index = row;
        return robot.from(table).lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getIndex() == index && c.getTableColumn().getText().equals("Runs")).queryAs(
                javafx.scene.control.TableCell.class).getText();
    }
}
