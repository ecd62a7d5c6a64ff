package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/**
 * An agency's item as an attacker with a plain JDBC client would try it (issue 13): a note to the desk in another
 * member's name, a note "from the agency" added to a story afterwards, and an approval of an item the agency
 * withdrew that skips WireDesk's own check. On Derby; {@code PgAgencyRefusalsTest} runs every test on PostgreSQL.
 */
class AgencyRefusalsTest {
    DeskFixture desk;
    StoryId item;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        item = desk.as(desk.editor).stories().insertIfNew(version("1", false,
                List.of(new AgencyMeta.EdNote("Call the desk before use", false))), "ed").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private NewStory version(String v, boolean withdrawn, List<AgencyMeta.EdNote> notes) {
        String text = "Berlin (dpa) - The minister resigned on Friday.";
        return new NewStory("urn:newsml:dpa.com:20261128:minister", "dpa", URI.create("https://dpa.example/minister"),
                new Headline("Minister resigns"), new Body("<p>" + text + "</p>", Fingerprint.ofText(text)),
                "A. Reporter", "de", null, desk.clock.instant(), 0, null,
                new AgencyMeta("newsml-g2", 3, v, withdrawn, "Berlin (dpa) -", notes));
    }

    @Test
    void aNoteFromTheAgencyIsNotAddedToAStoryAfterItArrivedNorInAnothersName() throws SQLException {
        for (String member : new String[] {"ed", "cora", "dee"}) {
            try (Connection c = PlainMember.connect(desk, member)) {
                PlainMember.refused(c, note(member, "null"));
                PlainMember.refused(c, note("ed".equals(member) ? "dee" : "ed", "null"));
            }
        }
        assertThat(desk.stories.agency(item).edNotes()).extracting(AgencyMeta.EdNote::text)
                .containsExactly("Call the desk before use");
    }

    @Test
    void anItemTheAgencyWithdrewIsNotApprovedEvenWhenTheCodeSkipsItsCheck() {
        desk.as(desk.editor).stories().store(version("2", true, List.of()), "ed");
        desk.desk(desk.copy).submit(desk.copy, item, "Minister resigns over report", null);
        Story story = desk.stories.find(item).orElseThrow();
        assertThatThrownBy(() -> desk.as(desk.chief).workflow().approve(item, story.runningHeadline(), story.body(),
                false, desk.clock.instant())).isInstanceOf(RefusedByStoreException.class)
                .hasMessageContaining("not withdrawn");
        assertThat(desk.stories.find(item).orElseThrow().status()).isEqualTo(Status.SUBMITTED);
    }

    /** A plain INSERT of a note on the item as {@code by}, with or without a source version. */
    private String note(String by, String versionId) {
        String id = isPostgres() ? "nextval('desk.story_ed_note_seq')" : "NEXT VALUE FOR desk.story_ed_note_seq";
        return "INSERT INTO desk.story_ed_note (id, story_id, version_id, position, note, publishable, received_by) "
                + "VALUES (" + id + ", " + item.value() + ", " + versionId + ", 9, 'The report is withdrawn: do not "
                + "use', 0, '" + by + "')";
    }

    private boolean isPostgres() {
        return desk.database.isPostgres();
    }


}
