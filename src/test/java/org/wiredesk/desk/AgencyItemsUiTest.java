package org.wiredesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/**
 * Agency items in the desk (issue 13), driven headless: an urgent one carries the inbox's urgent mark, an embargoed
 * one its embargo, a withdrawn one says so in the inbox, and the editor shows the withdrawal and the agency's notes to
 * the desk, marked when not for publication.
 */
@ExtendWith(ApplicationExtension.class)
class AgencyItemsUiTest {
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

    private NewStory item(String guid, String headline, Integer urgency, String version, boolean withdrawn,
                          Instant embargo, List<AgencyMeta.EdNote> notes) {
        String text = headline + ", the agency reports.";
        return new NewStory(guid, "dpa", URI.create("https://dpa.example/" + guid), new Headline(headline),
                new Body("<p>" + text + "</p>", Fingerprint.ofText(text)), "A. Reporter", "de",
                OffsetDateTime.parse("2026-11-27T10:00:00+01:00"), Instant.now(), 0, embargo,
                new AgencyMeta("newsml-g2", urgency, version, withdrawn, "Berlin (dpa) -", notes));
    }

    @Test
    void urgentEmbargoedAndWithdrawnAgencyItemsShowInTheInboxAndTheEditor(FxRobot robot) {
        var stories = app.stories();
        stories.insertIfNew(item("urn:dpa:1", "Earthquake strikes off the coast", 1, "1", false, null, List.of()),
                "solo");
        stories.insertIfNew(item("urn:dpa:2", "Budget figures due at noon", 4, "1", false,
                Instant.now().plus(Duration.ofHours(5)), List.of()), "solo");
        StoryId withdrawn = stories.insertIfNew(item("urn:dpa:3", "Minister resigns", 3, "1", false, null,
                List.of(new AgencyMeta.EdNote("Contact the newsroom on +49 30 0000", false))), "solo").orElseThrow();
        stories.store(item("urn:dpa:3", "Minister resigns", 3, "2", true, null,
                List.of(new AgencyMeta.EdNote("This item is withdrawn: the report was wrong", true))), "solo");
        robot.interact(changes::changed);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<StorySummary> inbox = robot.lookup("#inbox-table").queryTableView();
        assertThat(inbox.getItems()).filteredOn(s -> s.agencyHeadline().text().startsWith("Earthquake"))
                .singleElement().satisfies(s -> assertThat(s.priority()).as("urgency 1 is urgent").isTrue());
        assertThat(inbox.getItems()).filteredOn(s -> s.agencyHeadline().text().startsWith("Budget"))
                .singleElement().satisfies(s -> assertThat(s.embargoUntil()).isNotNull());
        assertThat(inbox.getItems()).filteredOn(StorySummary::withdrawnAtSource).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo(withdrawn));
        var urgency = inbox.getColumns().stream().filter(c -> c.getText().equals("Urg.")).findFirst().orElseThrow();
        assertThat(urgency.isVisible()).isTrue();
        robot.interact(() -> {
            inbox.getSortOrder().setAll(List.of(urgency));
            inbox.sort();
        });
        assertThat(inbox.getItems()).extracting(StorySummary::urgency).as("most urgent first").containsExactly(1, 3, 4);
        // the source's own time beside the desk's (issue 11 point 8), sortable
        assertThat(inbox.getColumns()).extracting(c -> c.getText()).containsSubsequence("At source", "Received");
        assertThat(inbox.getItems()).allSatisfy(row -> assertThat(row.publishedAtSource())
                .isEqualTo(Instant.parse("2026-11-27T09:00:00Z")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(300); // the sorted table drawn before the picture: Monocle paints on its own pulse
        Screenshots.save(stage, "inbox-agency-items");

        robot.interact(() -> window.openEditor(withdrawn));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-withdrawn").queryAs(Label.class).getText())
                .isEqualTo("The agency withdrew this item (version 2): it cannot be approved or published.");
        assertThat(robot.lookup("#editor-desk-notes").queryAs(Label.class).getText())
                .contains("• [not for publication] Contact the newsroom on +49 30 0000")
                .contains("• This item is withdrawn: the report was wrong");
        assertThat(robot.lookup("#editor-meta").queryAs(Label.class).getText())
                .contains("published by the source ").contains(", received ");
        Screenshots.save(stage, "editor-agency-withdrawn");
    }
}
