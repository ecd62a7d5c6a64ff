package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Fingerprint;

/**
 * MemberRefusalsTest on PostgreSQL: members are LOGIN roles with SCRAM passwords and connect with plain JDBC (what
 * psql would do), and try what their group roles do not allow. The database refuses each one: 42501 (no privilege)
 * or 23514 naming the rule.
 */
class PgMemberRefusalsTest {
    private static final String BODY = "<p>The body.</p>";

    private PgTestDesk desk;
    private long submitted;

    @BeforeEach
    void setUp() throws SQLException {
        desk = PgTestDesk.create();
        desk.add("ed", "wd_editor");
        desk.add("cora", "wd_copy_editor");
        desk.add("dee", "wd_desk_chief");
        desk.add("dora", "wd_copy_editor", "wd_desk_chief");
        submitted = ingest("ed", "g-1", "https://agency.example/1");
        try (Connection cora = desk.member("cora")) {
            call(cora, "SELECT desk.move(?, 'NEW', 'EDITING', NULL)", submitted);
            call(cora, "SELECT desk.revise_headline(?, 'EDITING', 'House headline')", submitted);
            call(cora, "SELECT desk.move(?, 'EDITING', 'SUBMITTED', NULL)", submitted);
        }
    }

    private long ingest(String member, String guid, String url) throws SQLException {
        try (Connection c = desk.member(member)) {
            return desk.ingest(c, guid, url, BODY);
        }
    }

    private static void call(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.execute();
        }
    }

    private static void refused(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).matches("42501|23514");
        }
    }

    /** Refused by the server for any reason (a privilege, a missing library): what matters is that it did not run. */
    private static void refusedByTheServer(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the server ran: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).isNotNull();
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = desk.owner(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void noMemberMayDropAlterOrCreateAnything() throws SQLException {
        String triggers = single("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal");
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = desk.member(member)) {
                refused(c, "DROP TABLE desk.story");
                refused(c, "DROP TRIGGER story_content_is_immutable ON desk.story");
                refused(c, "ALTER TABLE desk.story DISABLE TRIGGER ALL");
                refused(c, "ALTER TABLE desk.story ADD COLUMN evil int");
                refused(c, "ALTER TABLE desk.story_claim DISABLE ROW LEVEL SECURITY");
                refused(c, "CREATE TABLE desk.evil (i int)");
                refused(c, "CREATE TABLE public.evil (i int)");
                refused(c, "CREATE SCHEMA evil");
                refused(c, "CREATE OR REPLACE FUNCTION desk.holds(role text) RETURNS boolean LANGUAGE sql AS 'SELECT true'");
                refused(c, "DROP FUNCTION desk.approve(bigint, text, text, text)");
                refused(c, "DROP INDEX desk.story_by_received");
                refused(c, "DROP POLICY claims ON desk.story_claim");
            }
        }
        assertThat(single("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")).isEqualTo(triggers);
    }

    @Test
    void noMemberMayChangeContentOrDeleteAStory() throws SQLException {
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = desk.member(member)) {
                refused(c, "UPDATE desk.story SET body_html = '<p>Changed.</p>'");
                refused(c, "UPDATE desk.story SET body_sha256 = '" + "0".repeat(64) + "'");
                refused(c, "UPDATE desk.story SET body_html_sha256 = '" + "0".repeat(64) + "'");
                refused(c, "UPDATE desk.story SET agency_headline = 'Changed'");
                refused(c, "UPDATE desk.story SET url = 'https://phish.example/'");
                refused(c, "DELETE FROM desk.story");
                refused(c, "TRUNCATE desk.story CASCADE");
                refused(c, "DELETE FROM desk.story_key");
            }
        }
        // the guard binds the owner too, even SET body_html = body_html
        try (Connection owner = desk.owner()) {
            refused(owner, "UPDATE desk.story SET body_html = body_html");
            refused(owner, "DELETE FROM desk.story");
        }
        assertThat(single("SELECT body_html FROM desk.story WHERE id = " + submitted)).isEqualTo(BODY);
        assertThat(single("SELECT count(*) FROM desk.story")).isEqualTo("1");
    }

    @Test
    void aStatusMoveOrHeadlineChangeTheRolesDoNotAllowIsRefused() throws SQLException {
        long id = submitted;
        try (Connection ed = desk.member("ed"); Connection cora = desk.member("cora"); Connection dee = desk.member("dee")) {
            refused(ed, "UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            refused(cora, "UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            refused(dee, "UPDATE desk.story SET status = 'PUBLISHED' WHERE id = " + id);
            refused(ed, "SELECT desk.move(" + id + ", 'SUBMITTED', 'SPIKED', NULL)");
            refused(cora, "SELECT desk.move(" + id + ", 'SUBMITTED', 'APPROVED', NULL)");
            refused(cora, "SELECT desk.approve(" + id + ", 'House headline', 'x', 'y')");
            refused(dee, "SELECT desk.move(" + id + ", 'SUBMITTED', 'REJECTED', NULL)");
            refused(dee, "SELECT desk.move(" + id + ", 'NEW', 'SPIKED', NULL)");
            refused(dee, "SELECT desk.publish(" + id + ", 'PUBLISHED', NULL, NULL, NULL, desk.now_ms(), NULL)");
            refused(cora, "SELECT desk.revise_headline(" + id + ", 'SUBMITTED', 'Sneaked in')");
            refused(cora, "UPDATE desk.story SET house_headline = 'Sneaked in' WHERE id = " + id);
            refused(cora, "INSERT INTO desk.status_change (story_id, from_status, to_status, actor, at_ms) VALUES ("
                    + id + ", 'SUBMITTED', 'APPROVED', session_user, 0)");
        }
        assertThat(single("SELECT status FROM desk.story")).isEqualTo("SUBMITTED");
        assertThat(single("SELECT house_headline FROM desk.story")).isEqualTo("House headline");
    }

    @Test
    void fourEyesRefusesTheChiefWhoWroteOrSubmittedAndAcceptsAnother() throws SQLException {
        long own = ingest("ed", "g-2", "https://agency.example/2");
        try (Connection dora = desk.member("dora")) {
            call(dora, "SELECT desk.move(?, 'NEW', 'EDITING', NULL)", own);
            call(dora, "SELECT desk.revise_headline(?, 'EDITING', 'Her own headline')", own);
            call(dora, "SELECT desk.move(?, 'EDITING', 'SUBMITTED', NULL)", own);
            refused(dora, approveSql(own, "Her own headline"));
        }
        assertThat(single("SELECT status FROM desk.story WHERE id = " + own)).isEqualTo("SUBMITTED");
        try (Connection dee = desk.member("dee"); Statement st = dee.createStatement()) {
            st.execute(approveSql(own, "Her own headline"));
        }
        assertThat(single("SELECT status FROM desk.story WHERE id = " + own)).isEqualTo("APPROVED");
        assertThat(single("SELECT actor || ':' || self_approved FROM desk.approval WHERE story_id = " + own))
                .isEqualTo(desk.name("dee") + ":0");
    }

    @Test
    void aStoryWithoutAWebUrlIsNotApproved() throws SQLException {
        long noUrl = ingest("ed", "g-3", null);
        try (Connection cora = desk.member("cora")) {
            call(cora, "SELECT desk.move(?, 'NEW', 'SUBMITTED', NULL)", noUrl);
        }
        try (Connection dee = desk.member("dee")) {
            refused(dee, approveSql(noUrl, "Agency headline"));
        }
        assertThat(single("SELECT status FROM desk.story WHERE id = " + noUrl)).isEqualTo("SUBMITTED");
    }

    private static String approveSql(long id, String headline) {
        return "SELECT desk.approve(" + id + ", '" + headline + "', '" + Fingerprint.sha256Hex("The body.") + "', '"
                + Fingerprint.ofHtml(BODY) + "')";
    }

    @Test
    void historyIsNeverRewrittenOrDeletedByAnyoneAndNamesTheSessionUser() throws SQLException {
        String chain = single("SELECT string_agg(row_hash, ',' ORDER BY chain_seq) FROM desk.status_change");
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = desk.member(member)) {
                for (String table : List.of("status_change", "headline_draft", "approval", "publication")) {
                    refused(c, "UPDATE desk." + table + " SET actor = 'someone'".replace("actor", table.equals("headline_draft") ? "author" : "actor"));
                    refused(c, "DELETE FROM desk." + table);
                    refused(c, "TRUNCATE desk." + table);
                }
                refused(c, "UPDATE desk.chain_head SET seq = 0");
            }
        }
        try (Connection owner = desk.owner()) {
            refused(owner, "UPDATE desk.status_change SET reason = 'rewritten'");
            refused(owner, "DELETE FROM desk.headline_draft");
        }
        assertThat(single("SELECT string_agg(row_hash, ',' ORDER BY chain_seq) FROM desk.status_change")).isEqualTo(chain);
        assertThat(single("SELECT string_agg(DISTINCT actor, ',') FROM desk.status_change WHERE story_id = " + submitted))
                .isEqualTo(desk.name("cora") + "," + desk.name("ed"));
        assertThat(linksHold()).isTrue();
    }

    /** Walks the chain in Java with ChainLink over the status and headline rows this desk has. */
    private boolean linksHold() throws SQLException {
        List<String> problems = new ArrayList<>();
        String prev = ChainLink.GENESIS;
        try (Connection c = desk.owner(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT chain_seq, prev_hash, row_hash, 'S', story_id, from_status, to_status, actor, reason, at_ms
                  FROM desk.status_change
                UNION ALL
                SELECT chain_seq, prev_hash, row_hash, 'H', story_id, NULL, headline, author, NULL, created_ms
                  FROM desk.headline_draft
                ORDER BY 1""")) {
            long expected = 1;
            while (rs.next()) {
                long seq = rs.getLong(1);
                String hash = rs.getString(4).equals("S")
                        ? ChainLink.status(prev, seq, rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9), rs.getLong(10))
                        : ChainLink.headline(prev, seq, rs.getLong(5), rs.getString(7), rs.getString(8), rs.getLong(10));
                if (seq != expected++ || !prev.equals(rs.getString(2)) || !hash.equals(rs.getString(3))) {
                    problems.add("link " + seq);
                }
                prev = rs.getString(3);
            }
        }
        assertThat(problems).isEmpty();
        return true;
    }

    @Test
    void noMemberMayFileAFutureItemUnderAnotherStoryOrTakeTheNextIds() throws SQLException {
        String futureKey = org.wiredesk.store.StoryRepository.dedupHash("https://agency.example/tomorrows-scoop");
        try (Connection ed = desk.member("ed"); Connection cora = desk.member("cora")) {
            // a key for an item that has not arrived yet, filed under a story already there
            refused(ed, "INSERT INTO desk.story_key (key_hash, story_id) VALUES ('" + futureKey + "', " + submitted
                    + ")");
            // ... nor after touching the story in the same transaction, so its row looks new to this transaction
            ed.setAutoCommit(false);
            try (Statement st = ed.createStatement()) {
                st.execute("UPDATE desk.story SET lead_terms = lead_terms WHERE id = " + submitted);
            }
            refused(ed, "INSERT INTO desk.story_key (key_hash, story_id) VALUES ('" + futureKey + "', " + submitted
                    + ")");
            ed.rollback();
            ed.setAutoCommit(true);
            // the ids the desk hands out next
            refused(ed, "INSERT INTO desk.story_version (id, story_id, agency_headline, body_html, body_sha256,"
                    + " received_ms) VALUES ((SELECT last_value + 5 FROM desk.story_version_seq), " + submitted
                    + ", 'Agency headline', '<p>x</p>', '" + Fingerprint.sha256Hex("x") + "', 0)");
            refused(cora, "INSERT INTO desk.headline_candidate (id, story_id, headline, created_ms) VALUES ("
                    + "(SELECT last_value + 5 FROM desk.headline_candidate_seq), " + submitted + ", 'Mine', 0)");
            refused(ed, """
                    INSERT INTO desk.story (id, dedup_hash, dedup_key, source_name, agency_headline, received_ms,
                        body_html, body_sha256, body_html_sha256, status, updated_ms)
                    VALUES ((SELECT last_value + 5 FROM desk.story_seq), 'h', 'k', 'A', 'A', 0, '<p>x</p>',
                        '""" + Fingerprint.sha256Hex("x") + "', '" + Fingerprint.ofHtml("<p>x</p>") + "', 'NEW', 0)");
        }
        assertThat(single("SELECT count(*) FROM desk.story_key WHERE key_hash = '" + futureKey + "'")).isEqualTo("0");
    }

    @Test
    void aSharedDeskPollsTheWebOnlyNotAFolderOnWhicheverWorkstationPolls() throws SQLException {
        try (Connection ed = desk.member("ed")) {
            refused(ed, "INSERT INTO desk.source (name, address, kind, poll_seconds) "
                    + "VALUES ('Drop', '/home/colleague', 'FOLDER', 60)");
            refused(ed, "INSERT INTO desk.source (name, address, kind, poll_seconds) "
                    + "VALUES ('Local', 'file:///etc/passwd', 'PAGE', 60)");
            try (Statement st = ed.createStatement()) {
                st.execute("INSERT INTO desk.source (name, address, kind, poll_seconds) "
                        + "VALUES ('Agency', 'https://agency.example/feed.xml', 'FEED', 60)");
            }
            refused(ed, "UPDATE desk.source SET address = '/home/colleague', kind = 'FOLDER'");
        }
    }

    @Test
    void noMemberBreaksWhatEveryReaderReliesOn() throws SQLException {
        try (Connection ed = desk.member("ed")) {
            refused(ed, "UPDATE desk.story SET cluster_id = 0 WHERE id = " + submitted);
            refused(ed, "UPDATE desk.story SET copy_of = -1 WHERE id = " + submitted);
            refused(ed, "SELECT desk.publish(" + submitted + ", 'KILLED', 'javascript:alert(1)', 'why', 'forged', "
                    + "desk.now_ms(), NULL)");
        }
        try (Connection dee = desk.member("dee")) {
            // a published headline changes only by a recorded correction
            refused(dee, "SELECT desk.revise_headline(" + submitted + ", 'SUBMITTED', 'Changed quietly')");
        }
    }

    @Test
    void noMemberReachesTheServersFilesProgramsOrOtherDatabases() throws SQLException {
        for (String member : new String[] {"ed", "cora", "dee"}) {
            try (Connection c = desk.member(member)) {
                c.setAutoCommit(true);
                refusedByTheServer(c, "COPY desk.story TO '/tmp/wiredesk-stolen.csv'");
                refusedByTheServer(c, "COPY (SELECT 1) TO PROGRAM 'id'");
                refusedByTheServer(c, "COPY desk.story_read FROM '/etc/passwd'");
                refusedByTheServer(c, "SELECT pg_read_file('/etc/passwd')");
                refusedByTheServer(c, "SELECT pg_ls_dir('.')");
                refusedByTheServer(c, "SELECT lo_import('/etc/passwd')");
                refusedByTheServer(c, "CREATE TEMP TABLE evil (i int)");
                refusedByTheServer(c, "CREATE DATABASE evil_" + member);
                refusedByTheServer(c, "CREATE EXTENSION IF NOT EXISTS dblink");
                refusedByTheServer(c, "ALTER SYSTEM SET log_statement = 'none'");
                refusedByTheServer(c, "CREATE FUNCTION evil() RETURNS int LANGUAGE c AS 'libc.so.6', 'getpid'");
                refusedByTheServer(c, "LOAD 'libc.so.6'");
            }
        }
        assertThat(new java.io.File("/tmp/wiredesk-stolen.csv")).doesNotExist();
    }

    @Test
    void aRoleOfTheServerThatIsNoMemberOfTheDeskCannotEvenConnect() throws SQLException {
        String stranger = "stranger_" + System.nanoTime();
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + stranger + " LOGIN PASSWORD 'stranger-secret'");
        }
        try {
            assertThatThrownBy(() -> TestPostgres.login(desk.database(), stranger, "stranger-secret").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("CONNECT");
        } finally {
            try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + stranger);
            }
        }
    }

    @Test
    void noMemberMayGiveThemselvesARoleOrBecomeAnother() throws SQLException {
        for (String member : List.of("ed", "cora", "dee")) {
            String me = desk.name(member);
            try (Connection c = desk.member(member)) {
                refused(c, "GRANT wd_desk_chief TO " + me);
                refused(c, "GRANT wd_editor, wd_copy_editor TO " + me);
                refused(c, "ALTER ROLE " + me + " CREATEROLE");
                refused(c, "ALTER ROLE " + me + " SUPERUSER");
                refused(c, "CREATE ROLE evil_" + member + " LOGIN");
                refused(c, "SET ROLE " + desk.ownerName());
                refused(c, "SET SESSION AUTHORIZATION " + desk.ownerName());
                refused(c, "INSERT INTO desk.desk_policy VALUES ('desk.one-person', 'true')");
                refused(c, "INSERT INTO desk.app_user VALUES ('evil', 'Evil', 0, NULL)");
            }
        }
        try (Connection ed = desk.member("ed")) {
            refused(ed, "SET ROLE wd_desk_chief");
            refused(ed, "SELECT private_key FROM desk.desk_key");
        }
        assertThat(single("SELECT string_agg(role, ',' ORDER BY role) FROM desk.user_role WHERE username = '"
                + desk.name("ed") + "'")).isEqualTo("EDITOR");
    }

    @Test
    void claimsAndAutosavesAreEachMembersOwn() throws SQLException {
        try (Connection cora = desk.member("cora"); Connection dora = desk.member("dora")) {
            cora.createStatement().execute("INSERT INTO desk.story_claim (story_id, since_ms, active_ms) VALUES ("
                    + submitted + ", 0, 0)");
            refused(dora, "INSERT INTO desk.headline_autosave (story_id, username, headline, saved_ms) VALUES ("
                    + submitted + ", '" + desk.name("cora") + "', 'x', 0)");
            refused(cora, "INSERT INTO desk.story_claim (story_id, username, since_ms, active_ms) VALUES ("
                    + ingest("ed", "g-4", null) + ", '" + desk.name("dora") + "', 0, 0)");
            try (Statement st = dora.createStatement()) {
                // a desk chief may take over; releasing another's claim matches no row (RLS hides it from DELETE)
                assertThat(st.executeUpdate("DELETE FROM desk.story_claim")).isZero();
                assertThat(st.executeUpdate("UPDATE desk.story_claim SET username = session_user")).isEqualTo(1);
            }
        }
        assertThat(single("SELECT username FROM desk.story_claim")).isEqualTo(desk.name("dora"));
    }

    @Test
    void notesAreHistoryWrittenOnlyAsTheMemberAndOnlyAsTheirRolesAllow() throws SQLException {
        long id = submitted;
        try (Connection dee = desk.member("dee")) {
            call(dee, "SELECT desk.add_note(?, 'REPLY', 'Which council?', NULL)", id);
        }
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = desk.member(member)) {
                refused(c, "UPDATE desk.story_note SET message = 'rewritten'");
                refused(c, "UPDATE desk.story_note SET author = session_user");
                refused(c, "DELETE FROM desk.story_note");
                refused(c, "TRUNCATE desk.story_note");
                // no member writes the table itself: only add_note(), which names session_user
                refused(c, "INSERT INTO desk.story_note (story_id, kind, message, author, at_ms) VALUES (" + id
                        + ", 'REPLY', 'as someone else', '" + desk.name("dee") + "', 0)");
            }
        }
        try (Connection ed = desk.member("ed"); Connection cora = desk.member("cora");
             Connection dee = desk.member("dee")) {
            // an editor has no say on the thread: not even the function is theirs to call
            assertThatThrownBy(() -> call(ed, "SELECT desk.add_note(?, 'REPLY', 'Spike it', NULL)", id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for function add_note");
            // a rejection reason without being a desk chief: as the move, or dressed up as a note
            refused(cora, "SELECT desk.move(" + id + ", 'SUBMITTED', 'REJECTED', 'rejected by cora')");
            refused(cora, "SELECT desk.add_note(" + id + ", 'REJECTION', 'rejected by cora', NULL)");
            // a style override outside the copy editor's own submission, and one by a desk chief
            refused(cora, "SELECT desk.add_note(" + id + ", 'STYLE_OVERRIDE', 'after the fact', 'an error')");
            refused(dee, "SELECT desk.add_note(" + id + ", 'STYLE_OVERRIDE', 'overruled', 'an error')");
            // a blank note, and errors on a reply
            refused(cora, "SELECT desk.add_note(" + id + ", 'REPLY', '   ', NULL)");
            refused(cora, "SELECT desk.add_note(" + id + ", 'REPLY', 'Fine', 'an error')");
            call(cora, "SELECT desk.add_note(?, 'REPLY', 'The city council', NULL)", id);
        }
        // the triggers hold for the owner too, who owns the table: no rewrite, no delete, no note as someone else
        try (Connection owner = desk.owner()) {
            refused(owner, "UPDATE desk.story_note SET message = 'rewritten by the owner'");
            refused(owner, "DELETE FROM desk.story_note");
            refused(owner, "INSERT INTO desk.story_note (story_id, kind, message, author, at_ms) VALUES (" + id
                    + ", 'REPLY', 'as cora', '" + desk.name("cora") + "', 0)");
        }
        assertThat(single("SELECT string_agg(author || ': ' || message, ' | ' ORDER BY chain_seq) FROM desk.story_note"))
                .isEqualTo(desk.name("dee") + ": Which council? | " + desk.name("cora") + ": The city council");
        assertThat(new org.wiredesk.store.HistoryAudit(desk.ownerDatabase()).run().breaks()).isEmpty();
    }

    @Test
    void aStyleOverrideIsKeptOnlyInTheTransactionOfTheCopyEditorsOwnSubmission() throws SQLException {
        long own = ingest("ed", "g-5", "https://agency.example/5");
        try (Connection cora = desk.member("cora")) {
            cora.setAutoCommit(false);
            call(cora, "SELECT desk.move(?, 'NEW', 'SUBMITTED', NULL)", own);
            call(cora, "SELECT desk.add_note(?, 'STYLE_OVERRIDE', 'The minister''s own word', "
                    + "'“slams” is banned in our headlines')", own);
            cora.commit();
            // once committed, the submission is no longer this transaction's: a late override is refused
            refused(cora, "SELECT desk.add_note(" + own + ", 'STYLE_OVERRIDE', 'later', 'an error')");
            cora.rollback();
        }
        assertThat(single("SELECT author || ':' || kind || ':' || message FROM desk.story_note WHERE story_id = " + own))
                .isEqualTo(desk.name("cora") + ":STYLE_OVERRIDE:The minister's own word");
    }

    @Test
    void aFunctionRunsOnlyForTheGroupRolesItIsGrantedTo() throws SQLException {
        try (Connection ed = desk.member("ed"); Connection cora = desk.member("cora")) {
            for (String call : List.of("SELECT desk.approve(" + submitted + ", 'House headline', 'x', 'y')",
                    "SELECT desk.publish(" + submitted + ", 'PUBLISHED', NULL, NULL, NULL, 0, NULL)",
                    "SELECT desk.revise_headline(" + submitted + ", 'SUBMITTED', 'Sneaked in')",
                    "SELECT desk.add_note(" + submitted + ", 'REPLY', 'Spike it', NULL)")) {
                assertThatThrownBy(() -> ed.createStatement().execute(call)).as(call)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied for function");
            }
            assertThatThrownBy(() -> cora.createStatement().execute("SELECT desk.approve(" + submitted
                    + ", 'House headline', 'x', 'y')")).hasMessageContaining("permission denied for function approve");
        }
        assertThat(single("SELECT count(*) FROM information_schema.routine_privileges WHERE routine_schema = 'desk'"
                + " AND grantee = 'PUBLIC'")).isEqualTo("0");
    }
}
