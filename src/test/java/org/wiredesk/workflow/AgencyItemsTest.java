package org.wiredesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.StoryRepository;

/**
 * What an agency's own format says about an item (issue 13), kept as sent: urgency marks a story urgent, notes to
 * the desk are kept with their publishability, a later version that withdraws the item is recorded and blocks
 * approval in the service and in the database. Runs on PostgreSQL too (PostgresAgencyItemsTest).
 */
class AgencyItemsTest {
    final DeskFixture fx = fixture();

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private NewStory item(String version, boolean withdrawn, List<AgencyMeta.EdNote> notes) {
        return new NewStory("urn:newsml:dpa.com:20261127:abc", "dpa", URI.create("https://dpa.example/abc"),
                new Headline("Parliament passes budget"), new Body("<p>The parliament passed the budget.</p>",
                Fingerprint.ofText("The parliament passed the budget.")), "A. Reporter", "de",
                OffsetDateTime.parse("2026-11-27T10:00:00+01:00"), fx.clock.instant(), 0, null,
                new AgencyMeta("newsml-g2", 2, version, withdrawn, "Berlin (dpa) -", notes));
    }

    @Test
    void anUrgentItemIsMarkedItsNotesKeptAndALaterVersionThatWithdrawsItBlocksApproval() {
        StoryRepository stories = fx.as(fx.editor).stories();
        StoryId id = stories.insertIfNew(item("1", false, List.of(new AgencyMeta.EdNote("Contact: +49 30 1234", false),
                new AgencyMeta.EdNote("Corrects the figure in paragraph 2", true))), "ed").orElseThrow();

        AgencyMeta first = fx.desk.agency(id);
        assertThat(first.urgency()).isEqualTo(2);
        assertThat(first.version()).isEqualTo("1");
        assertThat(first.withdrawn()).isFalse();
        assertThat(first.dateline()).isEqualTo("Berlin (dpa) -");
        assertThat(first.edNotes()).containsExactly(new AgencyMeta.EdNote("Contact: +49 30 1234", false),
                new AgencyMeta.EdNote("Corrects the figure in paragraph 2", true));
        assertThat(new org.wiredesk.store.InboxRepository(fx.database).inbox(List.of(), 10, "ed"))
                .singleElement().satisfies(row -> assertThat(row.priority())
                        .as("urgency 1-2 is the desk's urgent mark").isTrue());

        // the same version again is a duplicate; the agency's next version, canceling it, is kept beside the story
        assertThat(stories.store(item("1", false, List.of()), "ed").outcome())
                .isEqualTo(StoryRepository.Outcome.DUPLICATE);
        assertThat(stories.store(item("2", true, List.of(new AgencyMeta.EdNote("Withdrawn: wrong figures", true))),
                "ed").outcome()).isEqualTo(StoryRepository.Outcome.UPDATED_AT_SOURCE);
        AgencyMeta latest = fx.desk.agency(id);
        assertThat(latest.withdrawn()).isTrue();
        assertThat(latest.version()).isEqualTo("2");
        assertThat(latest.edNotes()).hasSize(3);
        assertThat(fx.desk.story(id).body().html()).as("the body ingested first stays")
                .isEqualTo("<p>The parliament passed the budget.</p>");

        fx.desk(fx.copy).submit(fx.copy, id, "Parliament passes the budget", null);
        assertThatThrownBy(() -> fx.desk(fx.chief).approve(fx.chief, id))
                .hasMessage("The agency withdrew story " + id + ": it cannot be approved");
        // and the database refuses it to any writer that skips the service
        var story = fx.desk.story(id);
        assertThatThrownBy(() -> fx.as(fx.chief).workflow().approve(id, story.runningHeadline(), story.body(), false,
                fx.clock.instant())).isInstanceOf(org.wiredesk.store.RefusedByStoreException.class)
                .hasMessageContaining("an approval covers exactly the headline and body");
    }

    @Test
    void whatTheAgencySentIsNeverChangedNotEvenByTheOwner() throws SQLException {
        StoryId id = fx.as(fx.editor).stories().insertIfNew(item("1", false,
                List.of(new AgencyMeta.EdNote("Not for publication", false))), "ed").orElseThrow();
        for (String sql : List.of("UPDATE desk.story SET urgency = 9 WHERE id = " + id.value(),
                "UPDATE desk.story SET pub_status = 'CANCELED' WHERE id = " + id.value(),
                "UPDATE desk.story_ed_note SET publishable = 1", "DELETE FROM desk.story_ed_note")) {
            try (Connection c = fx.database.connect(); Statement st = c.createStatement()) {
                st.execute(sql);
                org.assertj.core.api.Assertions.fail("the store accepted: " + sql);
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(sql).isIn("23513", "23514");
            }
        }
        assertThat(fx.desk.agency(id).edNotes()).singleElement().satisfies(n -> assertThat(n.publishable()).isFalse());
    }

    @Test
    void noNoteToTheDeskReachesAPageAFeedOrOurNinjs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path site)
            throws java.io.IOException {
        StoryId id = fx.as(fx.editor).stories().insertIfNew(item("1", false, List.of(
                new AgencyMeta.EdNote("Call the desk on +49 30 5555", false),
                new AgencyMeta.EdNote("Please credit dpa-AFX", true))), "ed").orElseThrow();
        fx.desk(fx.copy).submit(fx.copy, id, "Parliament passes the budget", null);
        fx.desk(fx.chief).approve(fx.chief, id);
        fx.publish(fx.chief).publish(fx.chief, id, site);

        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(site)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).anyMatch(n -> n.endsWith(".json"))
                .contains("feed.xml", "atom.xml");
        for (java.nio.file.Path file : files) {
            assertThat(java.nio.file.Files.readString(file)).as(file.toString())
                    .doesNotContain("+49 30 5555").doesNotContain("credit dpa-AFX");
        }
    }
}
