package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
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
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;

/** The real desk window, driven headless: from the inbox to a published page, with the body locked throughout. */
@ExtendWith(ApplicationExtension.class)
class DeskFlowUiTest {
    private static final String PORT_STORY = "Port of Calder reopens after three-day storm closure";

    @TempDir
    static Path site;

    private AppContext app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        DemoWire.ingest(app.ingest(), "solo");
        DeskWindows.show(stage, app);
    }

    private SoloDesk testDesk;

    @AfterEach
    void tearDown() {
        app.close();
        testDesk.close();
    }

    @Test
    void aStoryGoesFromInboxToPublishedPageWithItsBodyUntouched(FxRobot robot) throws Exception {
        TableView<StorySummary> inbox = robot.lookup("#inbox-table").queryTableView();
        assertThat(inbox.getItems()).hasSizeGreaterThanOrEqualTo(9);
        Screenshots.save(stage, "inbox");

        // open with the keyboard
        int row = indexOf(inbox, PORT_STORY);
        robot.interact(() -> {
            inbox.requestFocus();
            inbox.getSelectionModel().clearAndSelect(row);
            inbox.scrollTo(row);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Story before = storyTitled(PORT_STORY);
        LockedBodyArea body = robot.lookup("#editor-body").query();
        String shown = body.getText();
        assertThat(shown).contains("The Port of Calder reopened to shipping on Thursday");
        assertThat(robot.lookup("#editor-agency-headline").queryAs(Label.class).getText()).isEqualTo(PORT_STORY);

        // type a house headline
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Calder port reopens after storm");
        assertThat(headline.getText()).isEqualTo("Calder port reopens after storm");
        Screenshots.save(stage, "editor");

        // every way to change the body
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("PASTED TEXT");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn(body);
        robot.write("typed over the body");
        robot.type(KeyCode.BACK_SPACE, KeyCode.DELETE, KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.V).type(KeyCode.X).type(KeyCode.Z).type(KeyCode.Y)
                .release(KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT).type(KeyCode.INSERT).release(KeyCode.SHIFT);
        robot.interact(() -> {
            body.selectAll();
            body.paste();
            body.cut();
            body.replaceSelection("replaced");
            body.replaceText(0, 5, "HACK");
            body.deleteText(0, 10);
            body.deletePreviousChar();
            body.deleteNextChar();
            body.insertText(0, "inserted");
            body.appendText("appended");
            body.undo();
            body.redo();
            Event.fireEvent(body, new InputMethodEvent(InputMethodEvent.INPUT_METHOD_TEXT_CHANGED, List.of(),
                    "IME TEXT", 8));
            Event.fireEvent(body, new DragEvent(DragEvent.DRAG_DROPPED, null, 10, 10, 10, 10, TransferMode.COPY,
                    null, body, null));
        });
        assertThatThrownBy(() -> robot.interact(() -> body.setText("set directly")))
                .hasRootCauseInstanceOf(RuntimeException.class);
        assertThat(body.isEditable()).isFalse();
        assertThat(body.getText()).isEqualTo(shown);
        assertThat(robot.lookup("#editor-agency-body").queryAs(LockedBodyArea.class).getText()).isEqualTo(shown);

        // submit
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(before.id()).status()).isEqualTo(Status.SUBMITTED);

        // approve
        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        assertThat(queue.getItems()).extracting(s -> s.runningHeadline().text())
                .containsExactly("Calder port reopens after storm");
        robot.interact(() -> queue.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        // solo's own story on a one-person desk: approve stays on, with the self-approval said first
        Label selfApproval = robot.lookup("#approval-warning").queryAs(Label.class);
        assertThat(selfApproval.isVisible()).isTrue();
        assertThat(selfApproval.getText()).contains("recorded as self-approved");
        Screenshots.save(stage, "approval");
        robot.clickOn("#approval-approve");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(before.id()).status()).isEqualTo(Status.APPROVED);

        // a headline that breaks house style shows its slips to the desk chief too
        robot.clickOn("#tab-inbox");
        int museum = indexOf(inbox, "Museum returns bronze statues to their home city");
        robot.interact(() -> {
            inbox.requestFocus();
            inbox.getSelectionModel().clearAndSelect(museum);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TextField second = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(second).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Museum slams critics, returns statues.");
        // a style error goes to the desk chief only with the copy editor's reason
        robot.clickOn("#editor-style-override").write("The museum's own word, in its statement");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tab-approval");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        robot.interact(() -> queue.getSelectionModel().select(0));
        javafx.scene.layout.VBox slips = robot.lookup("#approval-style").query();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !slips.getChildren().isEmpty());
        assertThat(slips.getChildren()).extracting(n -> ((javafx.scene.control.Label) n).getText())
                .anySatisfy(t -> assertThat(t).contains("banned"))
                .anySatisfy(t -> assertThat(t).contains("full stop"));
        Screenshots.save(stage, "approval-style");

        // publish
        robot.clickOn("#tab-publish");
        TableView<StorySummary> approved = robot.lookup("#publish-table").queryTableView();
        robot.interact(() -> approved.getSelectionModel().select(0));
        assertThat(robot.lookup("#publish-table .wd-self-approved").queryAs(Label.class).getText())
                .isEqualTo("Self-approved");
        Screenshots.save(stage, "publish-self-approved");
        robot.clickOn("#publish-one");
        WaitForAsyncUtils.waitForFxEvents();
        Story after = app.desk().story(before.id());
        assertThat(after.status()).isEqualTo(Status.PUBLISHED);
        assertThat(after.body()).isEqualTo(before.body());
        Screenshots.save(stage, "publish");

        Path page;
        try (var files = Files.list(site.resolve("stories"))) {
            page = files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        String html = Files.readString(page);
        assertThat(html).contains("Calder port reopens after storm").contains(before.body().html())
                .contains("Northgate Wire Service").contains("https://northgate-wire.example/2026/11/26/port-of-calder-reopens")
                // the default disclaimer names the outlet (DeskSettings: "{outlet}" is IFP until a chief sets it)
                .contains("do not necessarily reflect IFP").contains("IFP may change headlines");
    }

    @Test
    void spikingFromTheKeyboardTakesAStoryOutOfTheInbox(FxRobot robot) {
        TableView<StorySummary> inbox = robot.lookup("#inbox-table").queryTableView();
        int before = inbox.getItems().size();
        int row = indexOf(inbox, PORT_STORY);
        robot.interact(() -> {
            inbox.requestFocus();
            inbox.getSelectionModel().clearAndSelect(row);
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inbox.getItems()).hasSize(before - 1);
        assertThat(storyTitled(PORT_STORY).status()).isEqualTo(Status.SPIKED);
        Button unspike = robot.lookup("#inbox-unspike").queryButton();
        assertThat(unspike.isDisabled()).isTrue();
    }

    private static int indexOf(TableView<StorySummary> table, String headline) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).runningHeadline().text().equals(headline)) {
                return i;
            }
        }
        throw new AssertionError("no row " + headline);
    }

    private Story storyTitled(String headline) {
        return app.stories().findAll(Set.of()).stream()
                .filter(s -> s.agencyHeadline().text().equals(headline)).findFirst().orElseThrow();
    }

    @Test
    void theQuarantineShowsWhatCouldNotBeIngestedAndSourcesCanBeAdded(FxRobot robot) {
        robot.clickOn("#tab-quarantine");
        TableView<org.wiredesk.story.QuarantineEntry> quarantine = robot.lookup("#quarantine-table").queryTableView();
        assertThat(quarantine.getItems()).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("not an article"));
        robot.interact(() -> quarantine.getSelectionModel().select(0));
        Screenshots.save(stage, "quarantine");
        robot.clickOn("#quarantine-retry");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-notice").queryAs(Label.class).getText()).contains("rejected");

        robot.clickOn("#tab-sources");
        robot.clickOn("#sources-add");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#source-name").write("Northgate Wire");
        robot.clickOn("#source-address").write("https://northgate-wire.example/rss.xml");
        robot.clickOn("#source-credit").write("Northgate");
        robot.clickOn("#source-ok");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<org.wiredesk.desk.sources.SourcesViewModel.Row> sources = robot.lookup("#sources-table")
                .queryTableView();
        assertThat(sources.getItems()).singleElement().satisfies(r -> {
            assertThat(r.source().name()).isEqualTo("Northgate Wire");
            assertThat(r.source().address()).isEqualTo("https://northgate-wire.example/rss.xml");
        });
        assertThat(app.sources().all()).hasSize(1);
        Screenshots.save(stage, "sources");
    }
}
