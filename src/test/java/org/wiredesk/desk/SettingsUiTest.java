package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
import org.wiredesk.publish.DeskSettings;
import org.wiredesk.story.Role;
import org.wiredesk.store.RefusedByStoreException;
import org.wiredesk.store.SettingsRepository;

/** The Settings screen, driven headless: a desk chief saves, a bad address is refused in a sentence, a copy editor reads. */
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {
    @TempDir
    static Path site;

    private SoloDesk desk;
    /** solo: every role on a one-person desk; the window is theirs. */
    private AppContext app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desk = new SoloDesk(site);
        app = desk.solo();
        DeskWindows.show(stage, app);
    }

    @AfterEach
    void tearDown() {
        app.close();
        desk.close();
    }

    @Test
    void aDeskChiefSavesTheOutletAndThePreviewPrintsTheDisclaimerWithItsName(FxRobot robot) {
        robot.clickOn("#tab-settings");
        TextField outlet = robot.lookup("#settings-outlet").queryAs(TextField.class);
        Label preview = robot.lookup("#settings-preview").queryAs(Label.class);
        assertThat(outlet.getText()).isEqualTo("IFP");
        assertThat(robot.lookup("#settings-section").queryAs(TextField.class).getText()).isEqualTo("Media Wire");
        assertThat(robot.lookup("#settings-disclaimer").queryAs(TextArea.class).getText())
                .isEqualTo(DeskSettings.DEFAULT_DISCLAIMER);
        assertThat(preview.getText()).contains("do not necessarily reflect IFP's opinion; IFP may change headlines");
        assertThat(robot.lookup("#settings-save").query().isDisabled()).as("nothing edited yet").isTrue();
        assertThat(robot.lookup("#settings-read-only").query().isVisible()).isFalse();

        replace(robot, "#settings-outlet", "Northgate Post");
        replace(robot, "#settings-section", "World Wire");
        replace(robot, "#settings-base-url", "https://wire.northgate.example/");
        assertThat(preview.getText()).as("the preview follows the typing")
                .contains("reflect Northgate Post's opinion; Northgate Post may change headlines");
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();

        DeskSettings saved = new DeskSettings(new SettingsRepository(app.database()));
        assertThat(saved.outlet()).isEqualTo("Northgate Post");
        assertThat(saved.baseUrl()).contains("https://wire.northgate.example");
        assertThat(saved.disclaimer()).contains("Northgate Post may change headlines");
        assertThat(message(robot)).isEqualTo("Saved. Pages published or corrected from now on print these settings.");
        assertThat(robot.lookup("#settings-base-url").queryAs(TextField.class).getText())
                .as("as stored: without the trailing slash").isEqualTo("https://wire.northgate.example");
        assertThat(robot.lookup("#settings-save").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#header-section").queryAs(Label.class).getText())
                .as("the header's badge follows the section's new name").isEqualTo("World Wire");
        Screenshots.save(stage, "settings");
    }

    @Test
    void aBadBaseUrlIsRefusedInOneSentenceAndNothingIsSaved(FxRobot robot) {
        robot.clickOn("#tab-settings");
        replace(robot, "#settings-base-url", "ftp://wire.northgate.example");
        replace(robot, "#settings-section", "World Wire");

        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message(robot)).isEqualTo("The site's base URL must be an http or https address: "
                + "ftp://wire.northgate.example");
        assertThat(robot.lookup("#status-notice").query().getStyleClass()).contains("wd-problem");
        assertThat(robot.lookup("#settings-base-url").query().getStyleClass()).as("the refused field is marked")
                .contains("wd-refused");
        assertThat(robot.lookup("#settings-section").query().getStyleClass()).doesNotContain("wd-refused");
        DeskSettings stored = new DeskSettings(new SettingsRepository(app.database()));
        assertThat(stored.baseUrl()).isEmpty();
        assertThat(stored.section()).as("the address is checked before anything is stored").isEqualTo("Media Wire");
        assertThat(robot.lookup("#settings-base-url").queryAs(TextField.class).getText())
                .as("the edit stays, to be put right").isEqualTo("ftp://wire.northgate.example");
        Screenshots.save(stage, "settings-bad-url");
    }

    @Test
    void aCopyEditorReadsTheSettingsWithANoteAndTheStoreRefusesThemAChange(FxRobot robot) {
        AppContext cora = desk.member("cora", Role.COPY_EDITOR);
        try {
            robot.interact(() -> DeskWindows.show(stage, cora));
            robot.clickOn("#tab-settings");

            Label note = robot.lookup("#settings-read-only").queryAs(Label.class);
            assertThat(note.isVisible()).isTrue();
            assertThat(note.getText()).isEqualTo("Only a desk chief or the store's owner changes the desk settings: "
                    + "you see them as the pages print them.");
            for (String id : new String[] {"#settings-outlet", "#settings-section", "#settings-disclaimer",
                    "#settings-base-url"}) {
                assertThat(robot.lookup(id).queryAs(TextInputControl.class).isEditable()).as(id).isFalse();
            }
            assertThat(robot.lookup("#settings-save").query().isVisible()).isFalse();
            assertThat(robot.lookup("#settings-outlet").queryAs(TextField.class).getText()).isEqualTo("IFP");
            robot.clickOn("#settings-outlet").write("Cora's Wire");
            assertThat(robot.lookup("#settings-outlet").queryAs(TextField.class).getText()).isEqualTo("IFP");
            Screenshots.save(stage, "settings-read-only");

            // the screen only says what the store holds to anyway
            DeskSettings asCora = new DeskSettings(new SettingsRepository(cora.database()));
            assertThatThrownBy(() -> asCora.set(DeskSettings.OUTLET, "Cora's Wire"))
                    .isInstanceOf(RefusedByStoreException.class);
            assertThat(asCora.outlet()).isEqualTo("IFP");
        } finally {
            cora.close();
        }
    }

    private static void replace(FxRobot robot, String field, String text) {
        Node input = robot.lookup(field).query();
        robot.clickOn(input).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#status-notice").queryAs(Label.class).getText();
    }
}
