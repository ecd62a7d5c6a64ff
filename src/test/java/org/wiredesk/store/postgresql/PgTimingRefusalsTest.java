package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Fingerprint;

/**
 * Embargoes and schedules on PostgreSQL, as an attacker with psql would try them (ADR 17): nothing publishes a
 * story before its embargo, whoever calls publish(); only set_timing() writes timing rows, as its rules allow;
 * nobody, the owner included, rewrites or deletes them.
 */
class PgTimingRefusalsTest {
    private static final String BODY = "<p>The body.</p>";

    private PgTestDesk desk;
    private long approved;

    @BeforeEach
    void setUp() throws SQLException {
        desk = PgTestDesk.create();
        desk.add("ed", "wd_editor");
        desk.add("cora", "wd_copy_editor");
        desk.add("dee", "wd_desk_chief");
        try (Connection ed = desk.member("ed")) {
            approved = desk.ingest(ed, "g-1", "https://agency.example/1", BODY);
        }
        try (Connection cora = desk.member("cora"); Statement st = cora.createStatement()) {
            st.execute("SELECT desk.move(" + approved + ", 'NEW', 'EDITING', NULL)");
            st.execute("SELECT desk.revise_headline(" + approved + ", 'EDITING', 'House headline')");
            st.execute("SELECT desk.move(" + approved + ", 'EDITING', 'SUBMITTED', NULL)");
        }
        try (Connection dee = desk.member("dee"); Statement st = dee.createStatement()) {
            st.execute("SELECT desk.approve(" + approved + ", 'House headline', '" + Fingerprint.sha256Hex("The body.")
                    + "', '" + Fingerprint.ofHtml(BODY) + "')");
            st.execute("SELECT desk.set_timing(" + approved + ", 'EMBARGO', desk.now_ms() + 3600000, 'Sperrfrist')");
        }
    }

    private static void refused(Connection c, String sql, String state) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).isEqualTo(state);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = desk.owner(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void nothingPublishesAStoryBeforeItsEmbargoNotEvenADeskChiefsOwnCall() throws SQLException {
        try (Connection dee = desk.member("dee"); Statement st = dee.createStatement()) {
            try {
                st.execute("SELECT desk.publish(" + approved + ", 'PUBLISHED', '2026/11/27/1-house-headline.html', "
                        + "NULL, 'c2lnbmVk', desk.now_ms(), NULL)");
                fail("published under embargo");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("23514");
                assertThat(e.getMessage()).contains("an embargoed story is not published before its embargo lifts");
            }
        }
        assertThat(single("SELECT status FROM desk.story WHERE id = " + approved)).isEqualTo("APPROVED");
        assertThat(single("SELECT count(*) FROM desk.publication")).isEqualTo("0");
    }

    @Test
    void onlyADeskChiefLiftsOrSchedulesAndOnlyThroughTheFunction() throws SQLException {
        String[] lifts = {"SELECT desk.set_timing(" + approved + ", 'EMBARGO', NULL, 'lifted')",
            "SELECT desk.set_timing(" + approved + ", 'EMBARGO', 1, 'moved to 1970')",
            "SELECT desk.set_timing(" + approved + ", 'SCHEDULE', desk.now_ms() + 60000, NULL)"};
        for (String member : List.of("ed", "cora")) {
            try (Connection c = desk.member(member)) {
                for (String lift : lifts) {
                    refused(c, lift, "23514");
                }
            }
        }
        try (Connection dee = desk.member("dee")) {
            // even a desk chief writes no timing row by hand: no privilege on the table
            refused(dee, "INSERT INTO desk.story_timing (story_id, kind, until_ms, actor, at_ms) VALUES ("
                    + approved + ", 'EMBARGO', NULL, '" + desk.name("dee") + "', 0)", "42501");
            refused(dee, "SELECT desk.set_timing(" + approved + ", 'WHENEVER', NULL, NULL)", "23514");
        }
        assertThat(single("SELECT count(*) FROM desk.story_timing")).isEqualTo("1");
    }

    @Test
    void timingIsHistoryNobodyRewritesOrDeletesTheOwnerIncluded() throws SQLException {
        for (String member : List.of("ed", "cora", "dee")) {
            try (Connection c = desk.member(member)) {
                refused(c, "UPDATE desk.story_timing SET until_ms = 1", "42501");
                refused(c, "DELETE FROM desk.story_timing", "42501");
                refused(c, "TRUNCATE desk.story_timing", "42501");
            }
        }
        try (Connection owner = desk.owner()) {
            refused(owner, "UPDATE desk.story_timing SET until_ms = 1", "23514");
            refused(owner, "DELETE FROM desk.story_timing", "23514");
            refused(owner, "TRUNCATE desk.story_timing", "23514");
        }
        assertThat(single("SELECT actor || ':' || reason FROM desk.story_timing"))
                .isEqualTo(desk.name("dee") + ":Sperrfrist");
    }

    @Test
    void anEditorStatesTheSourcesEmbargoOnlyWithTheArrivalNeverLater() throws SQLException {
        long arriving;
        try (Connection ed = desk.member("ed")) {
            ed.setAutoCommit(false);
            arriving = desk.ingest(ed, "g-2", "https://agency.example/2", BODY);
            try (Statement st = ed.createStatement()) {
                st.execute("SELECT desk.set_timing(" + arriving + ", 'EMBARGO', desk.now_ms() + 7200000, "
                        + "'embargo stated by Agency')");
            }
            ed.commit();
            ed.setAutoCommit(true);
            // later, in another transaction, the same editor may not move it
            refused(ed, "SELECT desk.set_timing(" + arriving + ", 'EMBARGO', desk.now_ms() + 1000, 'earlier')",
                    "23514");
        }
        assertThat(single("SELECT count(*) FROM desk.story_timing WHERE story_id = " + arriving)).isEqualTo("1");
    }

    @Test
    void anArrivalIsRecordedOnlyWithItsStorySoNobodyUndoesAChiefsEmbargoAsTheSources() throws SQLException {
        long id;
        try (Connection ed = desk.member("ed");
             java.sql.PreparedStatement ps = ed.prepareStatement("""
                     INSERT INTO desk.story (dedup_hash, dedup_key, source_name, url, agency_headline, received_ms,
                         body_html, body_sha256, body_html_sha256, status, updated_ms)
                     VALUES (?, 'g-3', 'Agency', 'https://agency.example/3', 'Agency headline', 0, ?, ?, ?, 'NEW', 0)
                     RETURNING id""")) {
            ps.setString(1, Fingerprint.sha256Hex("g-3"));
            ps.setString(2, BODY);
            ps.setString(3, Fingerprint.sha256Hex("The body."));
            ps.setString(4, Fingerprint.ofHtml(BODY));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (Connection dee = desk.member("dee"); Statement st = dee.createStatement()) {
            st.execute("SELECT desk.set_timing(" + id + ", 'EMBARGO', desk.now_ms() + 3600000, 'Sperrfrist')");
        }
        try (Connection ed = desk.member("ed")) {
            ed.setAutoCommit(false);
            refused(ed, "SELECT desk.record_arrival(" + id + ", 'ingested')", "23514");
            ed.rollback();
            ed.setAutoCommit(true);
        }
        // an editor's own new story, with an embargo stated and then a second "stated" one to undo it
        try (Connection ed = desk.member("ed")) {
            ed.setAutoCommit(false);
            long own = desk.ingest(ed, "g-4", "https://agency.example/4", BODY);
            try (Statement st = ed.createStatement()) {
                st.execute("SELECT desk.set_timing(" + own + ", 'EMBARGO', desk.now_ms() + 7200000, 'stated')");
            }
            refused(ed, "SELECT desk.set_timing(" + own + ", 'EMBARGO', desk.now_ms() + 1000, 'stated again')",
                    "23514");
            ed.rollback();
        }
        assertThat(single("SELECT count(*) FROM desk.story_timing WHERE story_id = " + id)).isEqualTo("1");
    }
}
