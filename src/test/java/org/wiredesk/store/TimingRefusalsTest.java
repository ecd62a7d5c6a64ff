package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.story.Timing;

/**
 * Embargoes and schedules on Derby, as an attacker with a plain JDBC client would try them (ADR 17): nothing
 * publishes a story before its embargo, whatever time the row claims; only a desk chief moves or lifts an embargo
 * or schedules; nobody, the owner included, rewrites or deletes a timing row.
 */
class TimingRefusalsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private TestDesk desk;
    private RawRows rows;
    private StoryId approved;
    private long embargo;

    @BeforeEach
    void setUp() {
        desk = TestDesk.inMemory(false);
        Database ed = desk.add("ed", Role.EDITOR);
        Database cora = desk.add("cora", Role.COPY_EDITOR);
        Database dee = desk.add("dee", Role.DESK_CHIEF);
        approved = new StoryRepository(ed).insertIfNew(TestStories.story("g-1", "Agency headline", "The body."), "ed")
                .orElseThrow();
        WorkflowRepository copy = new WorkflowRepository(cora);
        copy.saveHeadline(approved, Status.NEW, Status.EDITING, new Headline("House headline"), "cora", NOW);
        copy.transition(approved, Status.EDITING, Status.SUBMITTED, "cora", null, NOW);
        Story story = new StoryRepository(dee).find(approved).orElseThrow();
        new WorkflowRepository(dee).approve(approved, story.runningHeadline(), story.body(), false, NOW);
        // an hour from the real clock, which the guard holds to
        embargo = System.currentTimeMillis() + 3_600_000;
        new TimingRepository(dee).set(approved, Status.APPROVED, Timing.Kind.EMBARGO, Instant.ofEpochMilli(embargo),
                "Sperrfrist", NOW);
        rows = new RawRows(desk.owner(), NOW);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private Connection plain(String member) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", member);
        p.setProperty("password", new String(TestDesk.password(member)));
        return DriverManager.getConnection(desk.owner().url(), p);
    }

    private static String refused(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
            return null;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).matches("42\\w{3}|23513");
            return e.getMessage();
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = desk.owner().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void nothingPublishesAStoryBeforeItsEmbargoWhateverTimeTheRowClaims() throws SQLException {
        try (Connection dee = plain("dee")) {
            for (long at : new long[] {System.currentTimeMillis(), embargo + 60_000}) {
                assertThat(refused(dee, rows.publicationRowAt(approved.value(), "House headline",
                        TestStories.story("g-1", "x", "The body.").body().sha256(), "dee", at)))
                        .contains("EMBARGO_HOLDS");
            }
        }
        assertThat(single("SELECT COUNT(*) FROM publication")).isEqualTo("0");
        assertThat(single("SELECT status FROM story")).isEqualTo("APPROVED");
    }

    @Test
    void onlyADeskChiefMovesOrLiftsAnEmbargoOrSchedulesAndOnlyInTheirOwnName() throws SQLException {
        long id = approved.value();
        for (String member : List.of("ed", "cora")) {
            try (Connection c = plain(member)) {
                refused(c, rows.timingRow(id, "EMBARGO", null, "lifted", member));
                refused(c, rows.timingRow(id, "EMBARGO", 1L, "moved to 1970", member));
                refused(c, rows.timingRow(id, "SCHEDULE", embargo + 1, null, member));
                refused(c, rows.timingRow(id, "EMBARGO", null, "as dee", "dee"));
            }
        }
        try (Connection dee = plain("dee")) {
            refused(dee, rows.timingRow(id, "EMBARGO", null, "as ed", "ed"));
            refused(dee, rows.timingRow(id, "WHENEVER", null, null, "dee"));
            try (Statement st = dee.createStatement()) {
                st.execute(rows.timingRow(id, "EMBARGO", null, "The agency lifted it", "dee"));
            }
        }
        assertThat(new TimingRepository(desk.owner()).timing(approved).embargo()).isEmpty();
        assertThat(new HistoryAudit(desk.owner()).run().breaks()).isEmpty();
    }

    @Test
    void timingIsHistoryNobodyRewritesOrDeletesTheOwnerIncluded() throws SQLException {
        for (String member : List.of("ed", "cora", "dee")) {
            try (Connection c = plain(member)) {
                refused(c, "UPDATE desk.story_timing SET until_ms = 1");
                refused(c, "DELETE FROM desk.story_timing");
            }
        }
        try (Connection owner = desk.owner().connect()) {
            refused(owner, "UPDATE desk.story_timing SET until_ms = 1");
            refused(owner, "DELETE FROM desk.story_timing");
        }
        assertThat(single("SELECT actor || ':' || reason FROM story_timing")).isEqualTo("dee:Sperrfrist");
    }

    @Test
    void anEditorStatesOnlyTheSourcesFirstEmbargoNeverOneThatUndoesTheChiefs() throws SQLException {
        // the editor stores a story and leaves it without history; a desk chief embargoes it
        try (Connection ed = plain("ed"); Statement st = ed.createStatement()) {
            st.execute(rows.storyRow(-1, "k-late", "<p>Late body.</p>", Fingerprint.ofText("Late body.")));
        }
        long id = Long.parseLong(single("SELECT MAX(id) FROM story"));
        new TimingRepository(desk.as("dee")).set(new StoryId(id), Status.NEW, Timing.Kind.EMBARGO,
                Instant.ofEpochMilli(embargo), "Sperrfrist", NOW);
        // then records the arrival late, and "states the source's embargo" as 1970, right after it
        try (Connection ed = plain("ed"); Statement st = ed.createStatement()) {
            String[] head = rows.head();
            long seq = Long.parseLong(head[0]) + 1;
            String arrival = ChainLink.status(head[1], seq, id, null, "NEW", "ed", "ingested", NOW.toEpochMilli());
            st.execute("INSERT INTO desk.status_change (id, story_id, from_status, to_status, actor, reason, at_ms,"
                    + " chain_seq, prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.status_change_seq, " + id
                    + ", NULL, 'NEW', 'ed', 'ingested', " + NOW.toEpochMilli() + ", " + seq + ", '" + head[1]
                    + "', '" + arrival + "')");
            refused(ed, rows.timingRow(id, "EMBARGO", 1L, "embargo stated by Agency", "ed"));
            refused(ed, rows.timingRow(id, "EMBARGO", embargo - 1, "embargo stated by Agency", "ed"));
        }
        assertThat(new TimingRepository(desk.owner()).timing(new StoryId(id)).embargoUntil())
                .isEqualTo(Instant.ofEpochMilli(embargo));
    }
}
