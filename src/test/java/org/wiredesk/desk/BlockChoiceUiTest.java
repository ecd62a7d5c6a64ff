package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;

/**
 * The article's extent chosen on the Source page, driven headless in the real window (issue 11, point 6; ADR 32): a
 * page fetched over loopback whose extracted body kept a photo caption's neighbour ad label; the copy editor unticks
 * it and ticks the headline block, clicks "Use these blocks", and the editor's locked body follows; submitted, the
 * approval screen tells the desk chief which blocks were dropped and added before approving.
 */
@ExtendWith(ApplicationExtension.class)
class BlockChoiceUiTest {
    static final String FIRST = "The Calder river burst its banks on Thursday night, flooding the lower town and "
            + "forcing more than two hundred families from their homes before dawn, the council said.";
    static final String SECOND = "Rescue teams worked through the night with boats borrowed from the rowing club, "
            + "and the water had begun to fall by midday on Friday, according to the fire service.";
    static final String AD = "ADVERTISEMENT";
    static final String THIRD = "The council said it would open the school gym as a shelter for as long as needed "
            + "and asked residents not to drive through standing water on the valley road.";
    static final String TITLE = "Calder river floods the lower town";
    static final String ARTICLE = "<html><head><title>Calder floods</title><meta property=\"og:type\" "
            + "content=\"article\"></head><body><article><h1>" + TITLE + "</h1>"
            + "<p>" + FIRST + "</p><figure><img src=\"flood.jpg\"><figcaption>Photo: the flooded high street at "
            + "first light (Agency / J. Doe)</figcaption></figure>"
            + "<p>" + SECOND + "</p><p>" + AD + "</p><p>" + THIRD + "</p></article>"
            + "<footer><p>Read more: how the town prepared for the floods</p></footer></body></html>";

    @TempDir
    static Path site;
    @TempDir
    Path home;

    private SoloDesk testDesk;
    private AppContext app;
    private Stage stage;
    private MainWindow window;
    private Story story;
    private HttpServer server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        byte[] sent = ARTICLE.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/floods", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, sent.length);
            ex.getResponseBody().write(sent);
            ex.close();
        });
        server.start();
        testDesk = new SoloDesk(site);
        app = testDesk.solo();
        app.ingest().ingest(List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/floods"), "solo",
                outcome -> { });
        story = app.stories().findAll(Set.of()).get(0);
        window = DeskWindows.dressed(stage, app, home, org.wiredesk.desk.common.DeskLook.Theme.LIGHT);
    }

    @AfterEach
    void tearDown() throws Exception {
        DeskWindows.undress();
        app.close();
        testDesk.close();
        server.stop(0);
    }

    @Test
    void theCopyEditorChoosesTheBlocksTheEditorFollowsAndTheChiefSeesWhatChanged(FxRobot robot) {
        assertThat(story.body().html()).contains(AD); // what ingest made kept the ad label
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#editor-source-page");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<String> blocks = robot.lookup("#source-blocks").queryAs(ListView.class);
        int title = blocks.getItems().indexOf(TITLE);
        int ad = blocks.getItems().indexOf(AD);
        assertThat(ticked(robot, blocks)).containsExactly(blocks.getItems().indexOf(FIRST),
                blocks.getItems().indexOf(SECOND), ad, blocks.getItems().indexOf(THIRD));
        Button use = robot.lookup("#source-use-blocks").queryButton();
        assertThat(use.isDisabled()).isTrue(); // nothing changed yet
        assertThat(robot.lookup("#source-choice-note").queryAs(Label.class).getText())
                .startsWith("4 of " + blocks.getItems().size() + " blocks in the body, as ingest made it");
        Screenshots.save(stage, "source-page-blocks");

        robot.clickOn("#source-block-" + ad);
        robot.clickOn("#source-block-" + title);
        assertThat(use.isDisabled()).isFalse();
        Screenshots.save(stage, "source-page-blocks-ticked");
        robot.clickOn(use);
        WaitForAsyncUtils.waitForFxEvents();

        Story chosen = app.desk().story(story.id());
        assertThat(chosen.body().html()).isEqualTo("<p>" + TITLE + "</p><p>" + FIRST + "</p><p>" + SECOND + "</p><p>"
                + THIRD + "</p>");
        assertThat(robot.lookup("#source-choice-note").queryAs(Label.class).getText())
                .startsWith("4 of " + blocks.getItems().size() + " blocks in the body, chosen by solo at ");
        assertThat(use.isDisabled()).isTrue();
        // the editor's locked body follows
        robot.interact(() -> window.openEditor(story.id()));
        WaitForAsyncUtils.waitForFxEvents();
        String body = robot.lookup("#editor-body").queryAs(LockedBodyArea.class).getText();
        assertThat(body).contains(TITLE).contains(FIRST).contains(THIRD).doesNotContain(AD);

        // submitted, the chief sees the change before approving
        TextField headline = robot.lookup("#editor-house-headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Calder river floods lower town");
        robot.clickOn("#editor-submit");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(story.id()).status()).isEqualTo(Status.SUBMITTED);
        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        robot.interact(() -> queue.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#approval-blocks-summary").queryAs(Label.class).getText()).isEqualTo(
                "Body chosen from the source page's blocks by solo: 1 dropped, 1 added against what ingest made:");
        VBox lines = robot.lookup("#approval-blocks").queryAs(VBox.class);
        assertThat(lines.getChildren()).extracting(n -> ((Label) n).getText()).containsExactly(
                "+ added  #" + title + "  " + TITLE, "\u2212 dropped  #" + ad + "  " + AD);
        assertThat(lines.getChildren().get(1).getStyleClass()).contains("wd-block-dropped");
        assertThat(lines.getChildren().get(0).getStyleClass()).contains("wd-block-added");
        assertThat(robot.lookup("#approval-blocks-summary").queryAs(Label.class).isVisible()).isTrue();
        Screenshots.save(stage, "approval-chosen-blocks");
        robot.clickOn("#approval-approve");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.desk().story(story.id()).status()).isEqualTo(Status.APPROVED);
        assertThat(app.desk().approval(story.id()).orElseThrow().bodySha256()).isEqualTo(chosen.body().sha256());
    }

    private static List<Integer> ticked(FxRobot robot, ListView<String> blocks) {
        return robot.lookup(".wd-block-tick").queryAllAs(CheckBox.class).stream()
                .filter(CheckBox::isSelected).filter(Node::isVisible)
                .map(c -> Integer.parseInt(c.getId().substring("source-block-".length())))
                .sorted().distinct().collect(Collectors.toList());
    }
}
