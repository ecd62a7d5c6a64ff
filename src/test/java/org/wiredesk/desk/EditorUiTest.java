package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
import org.wiredesk.story.Role;
import org.wiredesk.story.Story;
import org.wiredesk.story.User;

/** The headline editor driven headless: house style as one types, one-click fixes, and someone else's claim. */
@ExtendWith(ApplicationExtension.class)
class EditorUiTest {
    @TempDir
    static Path site;

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

    private SoloDesk testDesk;

    /** The desk's services as another member, added with these roles. */
    private AppContext member(String name, org.wiredesk.story.Role... roles) {
        return testDesk.member(name, roles);
    }

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void houseStyleIsCheckedAsOneTypesAndAFixIsOneClick(FxRobot robot) {
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage, "editor-clean");

        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Three Ships Stuck Off Teheran As Port Slams Shut.");
        WaitForAsyncUtils.waitForFxEvents();
        VBox issues = robot.lookup("#editor-issues").queryAs(VBox.class);
        String shown = issues.getChildren().toString();
        assertThat(issues.getChildren()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(robot.lookup("#editor-length").queryAs(Label.class).getText()).isEqualTo("49 / 90 characters");
        assertThat(robot.lookup("#editor-width").queryAs(Label.class).getText()).matches("\\d+ / 1300 px");
        Screenshots.save(stage, "editor-style-warnings");

        robot.clickOn(robot.lookup(".wd-fix").match(n -> n.getId().startsWith("editor-fix-prefer"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).isEqualTo("Three Ships Stuck Off Tehran As Port Slams Shut.");
        robot.clickOn(robot.lookup(".wd-fix").match(n -> n.getId().startsWith("editor-fix-trailing-full-stop"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).isEqualTo("Three Ships Stuck Off Tehran As Port Slams Shut");
        // a fix is undone like typing
        robot.clickOn("#editor-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getText()).endsWith("Shut.");
        assertThat(shown).isNotBlank();
    }

    @Test
    void aStoryHeldBySomeoneElseIsReadOnlyAndSaysWhoHoldsIt(FxRobot robot) {
        User otto = new User("otto", "Otto", Set.of(Role.COPY_EDITOR));
        member("otto", org.wiredesk.story.Role.COPY_EDITOR).desk().claim(otto, story.id());
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        assertThat(headline.isEditable()).isFalse();
        assertThat(robot.lookup("#editor-claim").queryAs(Label.class).getText())
                .startsWith("otto is editing this story since");
        assertThat(robot.lookup("#editor-submit").queryButton().isDisabled()).isTrue();
        robot.clickOn(headline).write("typed anyway");
        assertThat(headline.getText()).isEqualTo(story.agencyHeadline().text());
        Screenshots.save(stage, "editor-read-only");
    }
}
