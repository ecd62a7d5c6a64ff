package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Body;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;

/**
 * The attacker's run: members connect with a plain JDBC client (no WireDesk code between them and the store, no
 * SET SCHEMA done for them) and try everything their roles do not allow. The database refuses each one.
 */
class MemberRefusalsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private TestDesk desk;
    private StoryId submitted;

    @BeforeEach
    void setUp() {
        desk = TestDesk.inMemory(false);
        Database ed = desk.add("ed", Role.EDITOR);
        Database cora = desk.add("cora", Role.COPY_EDITOR);
        desk.add("dee", Role.DESK_CHIEF);
        desk.add("dora", Role.COPY_EDITOR, Role.DESK_CHIEF);
        submitted = new StoryRepository(ed).insertIfNew(TestStories.story("g-1", "Agency headline", "The body."), "ed")
                .orElseThrow();
        WorkflowRepository copy = new WorkflowRepository(cora);
        copy.saveHeadline(submitted, Status.NEW, Status.EDITING, new Headline("House headline"), "cora", NOW);
        copy.transition(submitted, Status.EDITING, Status.SUBMITTED, "cora", null, NOW);
        rows = new RawRows(desk.owner(), NOW);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    private RawRows rows;

    private Connection plain(String member) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", member);
        p.setProperty("password", new String(TestDesk.password(member)));
        return DriverManager.getConnection(desk.owner().url(), p);
    }

    private static void refused(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).matches("42\\w{3}|23513|2850H");
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = desk.owner().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void noMemberMayDropAlterOrCreateAnythingInTheDesksSchema() throws SQLException {
        for (String member : List.of("ed", "cora", "dee")) {
            try (Connection c = plain(member)) {
                refused(c, "DROP TABLE desk.story");
                refused(c, "DROP TRIGGER desk.story_content_is_immutable");
                refused(c, "DROP TRIGGER desk.approval_with_four_eyes");
                refused(c, "ALTER TABLE desk.story ADD COLUMN evil INT");
                refused(c, "ALTER TABLE desk.content_guard DROP CONSTRAINT no_change_to_the_content");
                refused(c, "CREATE TABLE desk.evil (i INT)");
                refused(c, "CREATE VIEW desk.evil AS SELECT id FROM desk.story");
                refused(c, "CREATE TRIGGER desk.evil AFTER INSERT ON desk.story FOR EACH ROW VALUES 1");
                refused(c, "DROP INDEX desk.story_by_received");
                refused(c, "DROP FUNCTION desk.chain_status");
            }
        }
        assertThat(single("SELECT COUNT(*) FROM SYS.SYSTRIGGERS")).isEqualTo(single("SELECT COUNT(*) FROM SYS.SYSTRIGGERS"));
    }

    @Test
    void noMemberMayChangeContentOrDeleteAStory() throws SQLException {
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = plain(member)) {
                refused(c, "UPDATE desk.story SET body_html = '<p>Changed.</p>'");
                refused(c, "UPDATE desk.story SET body_sha256 = '" + "0".repeat(64) + "'");
                refused(c, "UPDATE desk.story SET body_html_sha256 = '" + "0".repeat(64) + "'");
                refused(c, "UPDATE desk.story SET agency_headline = 'Changed'");
                refused(c, "UPDATE desk.story SET source_name = 'Changed'");
                refused(c, "UPDATE desk.story SET url = 'https://phish.example/'");
                refused(c, "DELETE FROM desk.story");
                refused(c, "DELETE FROM desk.story_key");
            }
        }
        assertThat(single("SELECT body_html FROM story")).isEqualTo("<p>The body.</p>");
        assertThat(single("SELECT COUNT(*) FROM story")).isEqualTo("1");
    }

    @Test
    void aStatusMoveOrHeadlineChangeTheRolesDoNotAllowIsRefused() throws SQLException {
        long id = submitted.value();
        try (Connection ed = plain("ed"); Connection cora = plain("cora"); Connection dee = plain("dee")) {
            // straight to approved or published, without the history the workflow writes
            refused(ed, "UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            refused(cora, "UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            refused(dee, "UPDATE desk.story SET status = 'PUBLISHED' WHERE id = " + id);
            refused(dee, "UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            // a copy editor recording an approval move, correctly chained, as themselves
            refused(cora, rows.statusRow(id, "SUBMITTED", "APPROVED", "cora", null));
            // an editor moving a submitted story back to new
            refused(ed, rows.statusRow(id, "SUBMITTED", "SPIKED", "ed", null));
            // a headline change after submission, and by an editor at all
            refused(cora, "UPDATE desk.story SET house_headline = 'Sneaked in' WHERE id = " + id);
            refused(ed, "UPDATE desk.story SET house_headline = 'Sneaked in' WHERE id = " + id);
            refused(cora, rows.headlineRow(id, "Sneaked in", "cora"));
            // reject without a reason
            refused(dee, rows.statusRow(id, "SUBMITTED", "REJECTED", "dee", null));
        }
        assertThat(single("SELECT status FROM story")).isEqualTo("SUBMITTED");
        assertThat(single("SELECT house_headline FROM story")).isEqualTo("House headline");
    }

    @Test
    void noMemberMayGiveRolesAddMembersOrManageCredentials() throws SQLException {
        for (String member : List.of("ed", "cora", "dee")) {
            try (Connection c = plain(member)) {
                refused(c, "INSERT INTO desk.user_role (username, role) VALUES ('" + member + "', 'DESK_CHIEF')");
                refused(c, "UPDATE desk.user_role SET role = 'DESK_CHIEF'");
                refused(c, "DELETE FROM desk.user_role");
                refused(c, "INSERT INTO desk.app_user (username, display_name, created_ms) VALUES ('eve', 'Eve', 0)");
                refused(c, "UPDATE desk.desk_policy SET value = 'true'");
                refused(c, "INSERT INTO desk.desk_policy (name, value) VALUES ('desk.one-person', 'true')");
                refused(c, "CALL SYSCS_UTIL.SYSCS_CREATE_USER('eve', 'secret-eve')");
                refused(c, "CALL SYSCS_UTIL.SYSCS_RESET_PASSWORD('OWNER', 'secret-eve')");
                refused(c, "CALL SYSCS_UTIL.SYSCS_DROP_USER('OWNER')");
                refused(c, "GRANT UPDATE ON desk.story TO " + member);
                refused(c, "UPDATE desk.chain_head SET seq = 0");
                refused(c, "UPDATE desk.desk_key SET retired_ms = 1");
                refused(c, "INSERT INTO desk.desk_key (id, public_key, private_key, created_ms) VALUES (99, 'k', 'k', 1)");
                if (!member.equals("dee")) {
                    refused(c, "INSERT INTO desk.desk_setting (name, value) VALUES ('publish.disclaimer', 'We endorse it')");
                }
            }
        }
        assertThat(single("SELECT COUNT(*) FROM user_role WHERE username = 'ed'")).isEqualTo("1");
    }

    @Test
    void historyCannotBeRewrittenDeletedOrWrittenInAnotherMembersName() throws SQLException {
        long id = submitted.value();
        for (String member : List.of("ed", "cora", "dee")) {
            try (Connection c = plain(member)) {
                refused(c, "UPDATE desk.status_change SET actor = 'someone'");
                refused(c, "UPDATE desk.status_change SET reason = 'rewritten'");
                refused(c, "DELETE FROM desk.status_change");
                refused(c, "UPDATE desk.headline_draft SET headline = 'rewritten'");
                refused(c, "DELETE FROM desk.headline_draft");
                refused(c, "DELETE FROM desk.publication");
                refused(c, "DELETE FROM desk.approval");
            }
        }
        try (Connection dee = plain("dee"); Connection cora = plain("cora")) {
            // a desk chief recording a rejection in the copy editor's name
            refused(dee, rows.statusRow(id, "SUBMITTED", "REJECTED", "cora", "in cora's name"));
            // a row that does not extend the chain
            long next = Long.parseLong(rows.head()[0]) + 1;
            refused(dee, "INSERT INTO desk.status_change (id, story_id, from_status, to_status, actor, reason, at_ms,"
                    + " chain_seq, prev_hash, row_hash) VALUES (NEXT VALUE FOR desk.status_change_seq, " + id + ", 'SUBMITTED', 'REJECTED', 'dee',"
                    + " 'why', 1, " + next + ", '" + ChainLink.GENESIS + "', '"
                    + ChainLink.status(ChainLink.GENESIS, next, id, "SUBMITTED", "REJECTED", "dee", "why", 1) + "')");
            // someone else's claim is not taken or released by a copy editor
            new EditingRepository(desk.as("dora")).claim(submitted, "dora", NOW, null);
            refused(cora, "UPDATE desk.story_claim SET username = 'cora'");
            refused(cora, "DELETE FROM desk.story_claim");
            refused(cora, "INSERT INTO desk.headline_autosave (story_id, username, headline, saved_ms) VALUES ("
                    + id + ", 'dora', 'typed for dora', 1)");
        }
        assertThat(single("SELECT COUNT(*) FROM status_change")).isEqualTo("3");
    }

    @Test
    void derbysFileUserAndPropertyProceduresAreRefused() throws SQLException {
        try (Connection c = plain("dee")) {
            refused(c, "CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE('DESK', 'STORY', '/tmp/wd-export.csv', null, null, null)");
            refused(c, "CALL SYSCS_UTIL.SYSCS_EXPORT_QUERY('SELECT * FROM desk.story', '/tmp/wd-q.csv', null, null, null)");
            refused(c, "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE('DESK', 'STORY', '/etc/passwd', null, null, null, 0)");
            refused(c, "CALL SYSCS_UTIL.SYSCS_IMPORT_DATA('DESK', 'STORY', null, null, '/etc/passwd', null, null, null, 0)");
            refused(c, "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('/tmp/wd-backup')");
            refused(c, "CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE_NOWAIT('/tmp/wd-backup')");
            refused(c, "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.database.sqlAuthorization', 'false')");
            refused(c, "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.connection.requireAuthentication', 'false')");
            refused(c, "CALL SYSCS_UTIL.SYSCS_CREATE_USER('mallory', 'secret-mallory')");
            refused(c, "CALL SQLJ.INSTALL_JAR('file:/tmp/evil.jar', 'DESK.EVIL', 0)");
        }
    }

    @Test
    void fourEyesHoldForRawSqlAndSelfApprovalNeedsAOnePersonDesk() throws SQLException {
        Database doraDb = desk.as("dora");
        StoryId own = new StoryRepository(doraDb).insertIfNew(TestStories.story("g-2", "Second", "Second body."), "dora")
                .orElseThrow();
        WorkflowRepository dora = new WorkflowRepository(doraDb);
        dora.saveHeadline(own, Status.NEW, Status.EDITING, new Headline("Dora's headline"), "dora", NOW);
        dora.transition(own, Status.EDITING, Status.SUBMITTED, "dora", null, NOW);
        Story story = new StoryRepository(doraDb).find(own).orElseThrow();
        try (Connection c = plain("dora")) {
            refused(c, rows.approvalRow(story, "dora", 0));
            refused(c, rows.approvalRow(story, "dora", 1));
        }
        try (Connection c = plain("dee")) {
            // another chief may approve; marking it self-approved when it is not is refused too
            refused(c, rows.approvalRow(story, "dee", 1));
            try (Statement st = c.createStatement()) {
                st.execute(rows.approvalRow(story, "dee", 0));
            }
        }
        assertThat(single("SELECT COUNT(*) FROM approval")).isEqualTo("1");
    }

    @Test
    void aStoryWithoutAWebSourceUrlCannotBeApprovedEvenInRawSql() throws SQLException {
        Database cora = desk.as("cora");
        NewStory noUrl = new NewStory("g-3", "Agency", null, new Headline("No link"),
                new Body("<p>Text.</p>", Fingerprint.ofText("Text.")), null, "en",
                OffsetDateTime.parse("2026-11-26T10:15:00Z"), NOW);
        StoryId id = new StoryRepository(cora).insertIfNew(noUrl, "cora").orElseThrow();
        new WorkflowRepository(cora).transition(id, Status.NEW, Status.SUBMITTED, "cora", null, NOW);
        Story story = new StoryRepository(cora).find(id).orElseThrow();
        try (Connection c = plain("dee")) {
            refused(c, rows.approvalRow(story, "dee", 0));
        }
        assertThat(single("SELECT status FROM story WHERE id = " + id.value())).isEqualTo("SUBMITTED");
    }

    @Test
    void publishingRunsOnlyWhatWasApproved() throws SQLException {
        long id = submitted.value();
        Story story = new StoryRepository(desk.as("dee")).find(submitted).orElseThrow();
        try (Connection c = plain("dee"); Statement st = c.createStatement()) {
            st.execute(rows.approvalRow(story, "dee", 0));
            st.execute(rows.statusRow(id, "SUBMITTED", "APPROVED", "dee", null));
            st.execute("UPDATE desk.story SET status = 'APPROVED' WHERE id = " + id);
            // a publication under another headline than the one approved
            refused(c, rows.publicationRow(id, "Not what was approved", story.body().sha256(), "dee"));
            // the status moved to published without the publication row: neither its history row nor the move
            refused(c, rows.statusRow(id, "APPROVED", "PUBLISHED", "dee", null));
            refused(c, "UPDATE desk.story SET status = 'PUBLISHED' WHERE id = " + id);
        }
        assertThat(single("SELECT status FROM story WHERE id = " + id)).isEqualTo("APPROVED");
    }

    @Test
    void onlyDeskChiefsAndTheOwnerReadTheSigningKey() throws SQLException {
        try (Connection c = plain("cora")) {
            refused(c, "SELECT private_key FROM desk.desk_key");
        }
        try (Connection c = plain("ed")) {
            refused(c, "SELECT private_key FROM desk.desk_key");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM desk.desk_public_key")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        try (Connection c = plain("dee"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM desk.desk_key")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordAnUnknownOrADisabledMemberCannotConnect() throws SQLException {
        new UserRepository(desk.owner()).disable("ed");
        for (String[] attempt : new String[][] {{"cora", "wrong-password"}, {"nobody", "secret-nobody"},
                {"ed", "secret-ed"}}) {
            Properties p = new Properties();
            p.setProperty("user", attempt[0]);
            p.setProperty("password", attempt[1]);
            try (Connection c = DriverManager.getConnection(desk.owner().url(), p)) {
                fail("connected as " + attempt[0]);
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("08004");
            }
        }
    }

    @Test
    void aMemberWhoBootsTheStoreWithHostileSystemPropertiesIsStillRefused() throws SQLException {
        desk.owner().shutdownForReboot();
        Map<String, String> hostile = Map.of("derby.database.sqlAuthorization", "false",
                "derby.connection.requireAuthentication", "false", "derby.authentication.provider", "BUILTIN",
                "derby.database.fullAccessUsers", "cora", "derby.database.defaultConnectionMode", "fullAccess");
        hostile.forEach(System::setProperty);
        try {
            try (Connection cora = plain("cora")) {
                refused(cora, "DROP TRIGGER desk.story_content_is_immutable");
                refused(cora, "UPDATE desk.story SET body_html = 'x'");
                refused(cora, "INSERT INTO desk.user_role (username, role) VALUES ('cora', 'DESK_CHIEF')");
            }
            try (Connection nobody = DriverManager.getConnection(desk.owner().url())) {
                fail("connected without credentials");
            } catch (SQLException e) {
                assertThat(e.getSQLState()).isEqualTo("08004");
            }
        } finally {
            hostile.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void noMemberMayFileAFutureItemUnderAnotherStoryOrTakeTheNextIds() throws SQLException {
        long id = submitted.value();
        String futureUrl = "https://agency.example/tomorrows-scoop";
        try (Connection ed = plain("ed")) {
            // a key for a URL that is not the story's own
            refused(ed, "INSERT INTO desk.story_key (key_hash, story_id) VALUES ('"
                    + StoryRepository.dedupHash(futureUrl) + "', " + id + ")");
            // the ids the desk hands out next
            long next = Long.parseLong(single("VALUES SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STORY_SEQ')"));
            refused(ed, rows.storyRow(next + 3, "k-squat", "<p>x</p>", Fingerprint.ofText("x")));
            refused(ed, "INSERT INTO desk.status_change (id, story_id, from_status, to_status, actor, at_ms, chain_seq,"
                    + " prev_hash, row_hash) VALUES (" + (Long.parseLong(single(
                    "VALUES SYSCS_UTIL.SYSCS_PEEK_AT_SEQUENCE('DESK', 'STATUS_CHANGE_SEQ')")) + 5) + ", " + id
                    + ", 'SUBMITTED', 'SUBMITTED', 'ed', 1, 999999, 'x', 'x')");
            // a story whose fingerprints are not what its body gives
            refused(ed, rows.storyRow(-1, "k-bad-sha", "<p>x</p>", "x"));
            refused(ed, rows.storyRow(-1, "k-bad-markup", "<p>x</p>", Fingerprint.ofText("y")).replace(
                    Fingerprint.ofHtml("<p>x</p>"), Fingerprint.ofHtml("<p>y</p>")));
            // a source version in someone else's name, or with a broken fingerprint
            refused(ed, "INSERT INTO desk.story_version (id, story_id, agency_headline, body_html, body_sha256,"
                    + " received_ms, received_by) VALUES (NEXT VALUE FOR desk.story_version_seq, " + id
                    + ", 'Forged', '<p>f</p>', '" + Fingerprint.ofText("f") + "', 1, 'cora')");
            refused(ed, "INSERT INTO desk.story_version (id, story_id, agency_headline, body_html, body_sha256,"
                    + " received_ms, received_by) VALUES (NEXT VALUE FOR desk.story_version_seq, " + id
                    + ", 'Forged', '<p>f</p>', 'x', 1, 'ed')");
        }
        assertThat(single("SELECT COUNT(*) FROM story")).isEqualTo("1");
        assertThat(single("SELECT COUNT(*) FROM story_key")).isEqualTo("2");
    }

    @Test
    void noMemberIsNamedLikeEveryoneOrAnSqlWordAndAReEnabledMemberWorksAgain() throws SQLException {
        UserRepository users = new UserRepository(desk.owner());
        for (String name : List.of("public", "PUBLIC", "user", "sysadmin")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.add(name, name, java.util.Set.of(
                    Role.DESK_CHIEF), TestDesk.password("x"))).isInstanceOf(IllegalArgumentException.class);
        }
        users.disable("ed");
        users.setPassword("ed", TestDesk.password("ed"));
        try (Connection ed = plain("ed"); Statement st = ed.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM desk.story")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aBlankReasonIsNoReason() throws SQLException {
        try (Connection dee = plain("dee")) {
            refused(dee, rows.statusRow(submitted.value(), "SUBMITTED", "REJECTED", "dee", "   "));
            refused(dee, rows.statusRow(submitted.value(), "SUBMITTED", "REJECTED", "dee", ""));
        }
    }

    @Test
    void aHeadlineIsNotWrittenWhileAnotherMemberHoldsTheClaim() throws SQLException {
        Database ed = desk.as("ed");
        StoryId other = new StoryRepository(ed).insertIfNew(TestStories.story("g-9", "Claimed", "Claimed body."), "ed")
                .orElseThrow();
        new EditingRepository(desk.as("dora")).claim(other, "dora", NOW, null);
        try (Connection cora = plain("cora")) {
            refused(cora, rows.headlineRow(other.value(), "Not while dora edits", "cora"));
        }
        new WorkflowRepository(desk.as("dora")).saveHeadline(other, Status.NEW, Status.EDITING,
                new Headline("Dora's own"), "dora", NOW);
        assertThat(single("SELECT house_headline FROM story WHERE id = " + other.value())).isEqualTo("Dora's own");
    }

    @Test
    void valuesThatDiffOnlyInTrailingBlanksOrAreEmptyAreRefused() throws SQLException {
        long id = submitted.value();
        try (Connection ed = plain("ed"); Connection dee = plain("dee"); Connection dora = plain("dora")) {
            refused(ed, "UPDATE desk.story SET status = 'SUBMITTED   ' WHERE id = " + id);
            refused(dee, "UPDATE desk.story SET house_headline = '' WHERE id = " + id);
            refused(dee, "UPDATE desk.story SET house_headline = 'House headline   ' WHERE id = " + id);
            // a desk chief recording an approval move without an approval row
            refused(dora, rows.statusRow(id, "SUBMITTED", "APPROVED", "dora", null));
        }
        assertThat(single("SELECT '[' || status || '|' || house_headline || ']' FROM story"))
                .isEqualTo("[SUBMITTED|House headline]");
    }

    @Test
    void notesAreHistoryWrittenOnlyAsTheMemberAndOnlyAsTheirRolesAllow() throws SQLException {
        long id = submitted.value();
        new ThreadRepository(desk.as("dee")).reply(submitted, "Which council?", NOW);
        for (String member : List.of("ed", "cora", "dee", "dora")) {
            try (Connection c = plain(member)) {
                refused(c, "UPDATE desk.story_note SET message = 'rewritten'");
                refused(c, "UPDATE desk.story_note SET author = '" + member + "'");
                refused(c, "DELETE FROM desk.story_note");
                refused(c, "TRUNCATE TABLE desk.story_note");
            }
        }
        try (Connection ed = plain("ed"); Connection cora = plain("cora"); Connection dee = plain("dee")) {
            // a reply in the desk chief's name, and one by an editor (no copy editor or desk chief role)
            refused(cora, rows.noteRow(id, "REPLY", "The city council, says dee", null, "dee"));
            refused(ed, rows.noteRow(id, "REPLY", "Spike it", null, "ed"));
            // a rejection reason without being a desk chief: as a status change, or dressed up as a note
            refused(cora, rows.statusRow(id, "SUBMITTED", "REJECTED", "cora", "rejected by cora"));
            refused(cora, rows.noteRow(id, "REJECTION", "rejected by cora", null, "cora"));
            // a style override that is not the next link after cora's own submission, and one by a desk chief
            refused(cora, rows.noteRow(id, "STYLE_OVERRIDE", "after the fact", "“slams” is banned", "cora"));
            refused(dee, rows.noteRow(id, "STYLE_OVERRIDE", "overruled", "“slams” is banned", "dee"));
            // a blank note, and a note that does not extend the chain
            refused(cora, rows.noteRow(id, "REPLY", "   ", null, "cora"));
            refused(cora, rows.noteRow(id, "REPLY", "Out of the chain", null, "cora").replace(
                    "'" + rows.head()[1] + "'", "'" + ChainLink.GENESIS + "'"));
            try (Statement st = cora.createStatement()) {
                st.execute(rows.noteRow(id, "REPLY", "The city council", null, "cora"));
            }
        }
        // the guards hold for the owner too, who bypasses privileges
        try (Connection owner = desk.owner().connect()) {
            refused(owner, "UPDATE desk.story_note SET message = 'rewritten by the owner'");
            refused(owner, "DELETE FROM desk.story_note");
        }
        assertThat(single("SELECT COUNT(*) FROM story_note")).isEqualTo("2");
        assertThat(single("SELECT MIN(message) FROM story_note")).isEqualTo("The city council");
        assertThat(new HistoryAudit(desk.owner()).run().breaks()).isEmpty();
    }

    @Test
    void aStyleOverrideIsKeptOnlyAsTheNextLinkAfterTheCopyEditorsOwnSubmission() throws SQLException {
        Database cora = desk.as("cora");
        StoryId other = new StoryRepository(cora).insertIfNew(TestStories.story("g-8", "Minister slams rivals",
                "Body."), "cora").orElseThrow();
        // both rows computed first: the chain's head stays locked by cora's transaction until it commits
        String[] head = rows.head();
        long seq = Long.parseLong(head[0]) + 1;
        String submission = rows.statusRow(other.value(), "NEW", "SUBMITTED", "cora", null);
        String submitted = ChainLink.status(head[1], seq, other.value(), "NEW", "SUBMITTED", "cora", null,
                NOW.toEpochMilli());
        String override = rows.noteRowAfter(new String[] {Long.toString(seq), submitted}, other.value(),
                "STYLE_OVERRIDE", "The minister's own word", "“slams” is banned in our headlines", "cora");
        try (Connection c = plain("cora")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(submission);
                st.execute("UPDATE desk.story SET status = 'SUBMITTED' WHERE id = " + other.value());
                st.execute(override);
            }
            c.commit();
        }
        assertThat(single("SELECT author || ':' || kind FROM story_note")).isEqualTo("cora:STYLE_OVERRIDE");
    }
}
