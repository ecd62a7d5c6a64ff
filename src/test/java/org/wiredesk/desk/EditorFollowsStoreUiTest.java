package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;

/**
 * Issue 12 point 4: an open editor tab follows the status and the claim as others change them, and a read-only story
 * has no enabled editing command, Undo included. (A change from another workstation reaches the window as the store
 * watch's signal, {@link StoreChanges#changed()}, which the test gives.)
 */
@ExtendWith(ApplicationExtension.class)
class EditorFollowsStoreUiTest {
    @TempDir
    static Path site;

    private SoloDesk testDesk;
    private AppContext app;
    private AppContext dora;
    private AppContext carla;
    private Stage stage;
    private MainWindow window;
    private final StoreChanges changes = new StoreChanges();
    private StoryId port;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        dora = testDesk.member("dora", Role.DESK_CHIEF);
        carla = testDesk.member("carla", Role.COPY_EDITOR);
        DemoWire.ingest(app.ingest(), "solo");
        port = app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().startsWith("Port of Calder")).findFirst().orElseThrow().id();
        window = DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        carla.close();
        dora.close();
        app.close();
        testDesk.close();
    }

    @Test
    void anOpenTabFollowsARejectionAndAnApprovalMadeElsewhere(FxRobot robot) {
        open(robot, port);
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Calder port reopens after storm");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meta(robot)).contains("Submitted");
        assertThat(readOnly(robot)).isEqualTo("Read only: the story is submitted");

        dora.desk().reject(dora.user(), port, "Say which storm");
        robot.interact(changes::changed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meta(robot)).as("the tab shows the rejection made elsewhere").contains("Rejected")
                .doesNotContain("Submitted");
        assertThat(headline.isEditable()).as("sent back: the copy editor may edit again").isTrue();
        assertThat(robot.lookup("#editor-read-only").query().isVisible()).isFalse();
        assertThat(app.desk().claimOn(port)).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("solo"));
        assertThat(robot.lookup("#editor-rejection").query().isVisible()).as("the reason it was sent back").isTrue();
        Screenshots.save(stage, "editor-follows-rejection");

        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Calder port reopens after three-day storm");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        dora.desk().approve(dora.user(), port);
        robot.interact(changes::changed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meta(robot)).contains("Approved");
        assertThat(readOnly(robot)).isEqualTo("Read only: the story is approved");
        assertThat(headline.getText()).isEqualTo("Calder port reopens after three-day storm");
    }

    @Test
    void aClaimReleasedElsewhereIsTakenUpByTheOpenTab(FxRobot robot) {
        carla.desk().claim(carla.user(), port);
        open(robot, port);
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        assertThat(headline.isEditable()).isFalse();
        assertThat(readOnly(robot)).startsWith("Read only: carla is editing this story since");

        carla.desk().release(carla.user(), port);
        robot.interact(changes::changed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.isEditable()).isTrue();
        assertThat(robot.lookup("#editor-claim").queryAs(Label.class).getText()).isEqualTo("You are editing this story");
        assertThat(app.desk().claimOn(port)).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("solo"));

        // and a claim taken elsewhere while the tab is open makes it read only
        app.desk().release(app.user(), port);
        carla.desk().claim(carla.user(), port);
        robot.interact(changes::changed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.isEditable()).isFalse();
        assertThat(readOnly(robot)).startsWith("Read only: carla is editing");
    }

    @Test
    void aReadOnlyStoryHasNoEnabledEditingCommandAndUndoLeavesItsHeadlineAlone(FxRobot robot) {
        open(robot, port);
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Calder port reopens after storm");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(port).status()).isEqualTo(Status.SUBMITTED);
        assertThat(headline.getText()).isEqualTo("Calder port reopens after storm");
        assertThat(headline.isUndoable()).as("the typing is still in the field's undo history").isTrue();

        for (String command : new String[] {"#editor-undo", "#editor-redo", "#editor-save", "#editor-keep",
                "#editor-candidates", "#editor-submit", "#editor-revert"}) {
            Node node = robot.lookup(command).query();
            assertThat(node.isDisabled()).as(command).isTrue();
        }
        assertThat(headline.isEditable()).isFalse();
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).as("Ctrl+Z on a read-only headline").isEqualTo("Calder port reopens after storm");
        assertThat(app.desk().story(port).status()).isEqualTo(Status.SUBMITTED);
        Screenshots.save(stage, "editor-read-only-commands");
    }

    private void open(FxRobot robot, StoryId id) {
        robot.interact(() -> window.openEditor(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String meta(FxRobot robot) {
        return robot.lookup("#editor-meta").queryAs(Label.class).getText();
    }

    private static String readOnly(FxRobot robot) {
        Label banner = robot.lookup("#editor-read-only").queryAs(Label.class);
        return banner.isVisible() ? banner.getText() : "";
    }
}
