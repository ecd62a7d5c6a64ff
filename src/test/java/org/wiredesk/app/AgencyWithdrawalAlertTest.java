package org.wiredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Role;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Story;
import org.wiredesk.store.TestDesk;

/**
 * An agency's later version withdraws a story we ran (issue 13): the desk chiefs are alerted as for any source that
 * withdrew a story, with the mark the Published view shows and its one-click kill.
 */
class AgencyWithdrawalAlertTest {
    private static final String ITEM = """
            {"uri": "https://agency.example/2026/budget", "type": "text", "version": "%s", "pubstatus": "%s",
             "urgency": 3, "headline": "Parliament passes the budget",
             "body_html": "<p>The parliament passed the budget on Friday.</p>"}""";

    @TempDir
    Path site;

    @Test
    void aLaterVersionCancelingAStoryWeRanAlertsTheDeskChiefs() {
        try (TestDesk desk = TestDesk.inMemory(true);
             AppContext app = AppContext.open(desk.add("solo", Role.values()), site, Clock.systemUTC())) {
            app.ingest().ingest(doc("1", "usable"), "solo");
            Story story = app.stories().findAll(Set.of()).get(0);
            app.desk().submit(app.user(), story.id(), "Parliament passes budget", null);
            app.desk().approve(app.user(), story.id());
            app.publish().publish(app.user(), story.id(), site);
            assertThat(app.withdrawn().onPublishedStories()).isEmpty();

            app.ingest().ingest(doc("2", "canceled"), "solo");

            assertThat(app.desk().agency(story.id()).withdrawn()).isTrue();
            assertThat(app.withdrawn().onPublishedStories()).singleElement().satisfies(noted -> {
                assertThat(noted.withdrawal().story()).isEqualTo(story.id());
                assertThat(noted.withdrawal().how()).isEqualTo(SourceWithdrawal.How.AGENCY_WITHDREW);
                assertThat(noted.withdrawal().detail()).isEqualTo("the agency withdrew it (version 2)");
            });
        }
    }

    private static SourceDocument doc(String version, String status) {
        return new SourceDocument("budget-v" + version + ".json", null,
                ITEM.formatted(version, status).getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
