package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
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
import org.wiredesk.store.TestDesk;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/**
 * Two workstations on one shared desk on PostgreSQL: the desk chief's window follows what the copy editor does on
 * another machine as it commits (LISTEN/NOTIFY), without waiting for the ten-second poll.
 */
@ExtendWith(ApplicationExtension.class)
class SharedDeskUiTest {
    @TempDir
    static Path site;

    private TestDesk testDesk;
    private AppContext chiefs;
    private AppContext copyEditors;
    private AutoCloseable live;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        testDesk = TestDesk.onPostgres(false);
        chiefs = AppContext.open(testDesk.add("dora", Role.EDITOR, Role.DESK_CHIEF), site, Clock.systemUTC());
        copyEditors = AppContext.open(testDesk.add("carla", Role.COPY_EDITOR), site, Clock.systemUTC());
        DemoWire.ingest(copyEditors.ingest(), "carla");
        window = DeskWindows.show(stage, chiefs);
        live = chiefs.database().followChanges(window::storeChangedElsewhere);
    }

    @AfterEach
    void tearDown() throws Exception {
        live.close();
        window.stop();
        chiefs.close();
        copyEditors.close();
        testDesk.close();
    }

    @Test
    void aSubmissionOnAnotherWorkstationReachesTheChiefsApprovalScreenWithinASecond(FxRobot robot) throws Exception {
        robot.clickOn("Approval");
        TableView<?> table = robot.lookup("#approval-table").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();
        StoryId id = copyEditors.stories().summaries(java.util.EnumSet.of(org.wiredesk.story.Status.NEW), 1).get(0).id();
        long start = System.nanoTime();
        copyEditors.desk().submit(copyEditors.user(), id, "Submitted on the other workstation", null);
        WaitForAsyncUtils.waitFor(1, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("shared desk window: the chief's approval screen showed the submission after " + ms + " ms");
        assertThat(((StorySummary) table.getItems().get(0)).id()).isEqualTo(id);
        Screenshots.save(robot.window(0), "shared-desk-approval-live");
    }
}
