package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
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
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.sources.SourcesViewModel;
import org.wiredesk.ingest.Corpus;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StorySummary;

/**
 * A real dpa NewsML-G2 item has no web page of its own (issue 13, point 3): the editor says why it cannot be approved,
 * the Sources screen lists dpa as needing a credit address, the desk sets one there, and the approval screen then
 * shows the address the page will print, and approves it. Driven headless.
 */
@ExtendWith(ApplicationExtension.class)
class CreditAddressUiTest {
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
        window = DeskWindows.show(stage, app, changes);
    }

    @AfterEach
    void tearDown() {
        app.close();
        desk.close();
    }

    @Test
    void anAgencyItemWithoutAWebPageGetsItsAgencysCreditAddressOnTheSourcesScreen(FxRobot robot) throws Exception {
        app.ingest().ingest(List.of(Corpus.path("agency/newsml-g2/dpa/with_dateline.xml").toString()), "solo",
                o -> { });
        Story item = app.stories().findAll(Set.of()).stream().filter(s -> s.webAddress().isEmpty()).findFirst()
                .orElseThrow();
        String agency = item.sourceName();
        app.desk().claim(app.user(), item.id());
        app.desk().submit(app.user(), item.id(), "Chinese AI start-up shakes markets", null);
        robot.interact(changes::changed);

        robot.interact(() -> window.openEditor(item.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-cannot-approve").queryAs(Label.class).getText())
                .contains("no credit address is set for «" + agency + "»").contains("Sources screen");

        robot.clickOn("#tab-sources");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SourcesViewModel.CreditRow> credits = robot.lookup("#credits-table").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credits.getItems()).first().satisfies(r -> {
            assertThat(r.agency()).isEqualTo(agency);
            assertThat(r.missing()).isTrue();
        });
        Screenshots.save(stage, "sources-credit-missing");
        robot.interact(() -> credits.getSelectionModel().select(0));
        robot.clickOn("#credits-set");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#credit-address").write("https://www.dpa.com/en");
        robot.clickOn("#credit-ok");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(credits.getItems()).filteredOn(r -> r.agency().equalsIgnoreCase(agency)).singleElement()
                .satisfies(r -> {
                    assertThat(r.missing()).isFalse();
                    assertThat(r.credit().address()).isEqualTo(URI.create("https://www.dpa.com/en"));
                });
        Screenshots.save(stage, "sources-credit-addresses");

        robot.clickOn("#tab-approval");
        TableView<StorySummary> queue = robot.lookup("#approval-table").queryTableView();
        robot.interact(() -> queue.getSelectionModel().select(queue.getItems().stream()
                .filter(s -> s.id().equals(item.id())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#approval-blocked").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup(".wd-editor-meta").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("https://www.dpa.com/en").contains("credit address"));
        Screenshots.save(stage, "approval-credit-address");
        Button approve = robot.lookup("#approval-approve").queryButton();
        assertThat(approve.isDisabled()).isFalse();
        robot.interact(approve::fire);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.stories().find(item.id()).orElseThrow().status() == Status.APPROVED);
        Story approved = app.stories().find(item.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(Status.APPROVED);
        assertThat(approved.creditUrl()).isEqualTo(URI.create("https://www.dpa.com/en"));
    }
}
