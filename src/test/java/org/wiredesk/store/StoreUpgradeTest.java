package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;

/**
 * A store made by the previous WireDesk (built here from the migration scripts as they were, V001 to V006, and
 * filled as that version filled it) is secured by {@code init --owner}: every row of every table is kept, the chain
 * is computed over the history as it was, and the owner gives the members their first passwords.
 */
class StoreUpgradeTest {
    private static final Set<String> MEMBER_TABLES = Set.of("APP_USER", "USER_ROLE", "HEADLINE_AUTOSAVE", "STORY_CLAIM",
            "STORY_READ");

    @TempDir
    Path home;

    @Test
    void everyRowOfAnEarlierStoreIsKeptAndTheOwnerGivesMembersTheirPasswords() throws Exception {
        Path dir = home.resolve("store");
        Map<String, List<String>> before;
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir + ";create=true")) {
            SchemaMigrator.derby().migrate(c, SchemaMigrator.BEFORE_TRUST);
            fillAsThePreviousVersionDid(c);
            before = snapshot(c, "APP");
        }
        shutdown(dir);
        assertThat(StoreSetup.state(dir)).isEqualTo(StoreSetup.State.UNSECURED);

        StoreUpgrade.Report report = StoreUpgrade.upgrade(dir, TestDesk.credentials("chief"), "The Chief", false);

        assertThat(report.renamed()).containsEntry("maria.k", "maria_k");
        assertThat(report.membersWithoutPassword()).containsExactly("maria_k", "root");
        assertThat(Files.isDirectory(report.backup())).isTrue();
        assertThat(StoreSetup.state(dir)).isEqualTo(StoreSetup.State.SECURED);
        try (TestDesk owner = TestDesk.reopen(dir, "chief")) {
            try (Connection c = owner.owner().connect()) {
                Map<String, List<String>> after = snapshot(c, "DESK");
                for (String table : before.keySet()) {
                    List<String> expected = before.get(table).stream()
                            .map(row -> MEMBER_TABLES.contains(table) ? row.replace("maria.k", "maria_k") : row)
                            .toList();
                    // the owner, who was not a member before, is the only row added
                    List<String> added = new ArrayList<>(after.get(table));
                    added.removeAll(expected);
                    assertThat(after.get(table)).as(table).containsAll(expected);
                    assertThat(added).as(table).allMatch(row -> row.startsWith("USERNAME=chief;"));
                }
            }
            HistoryAudit.Report audit = new HistoryAudit(owner.owner()).run();
            assertThat(audit.breaks()).isEmpty();
            assertThat(audit.links()).isEqualTo(6);
            UserRepository users = new UserRepository(owner.owner());
            assertThat(users.find("maria_k").orElseThrow().roles()).containsExactly(Role.COPY_EDITOR);
            assertThat(users.find("chief").orElseThrow().roles()).containsExactlyInAnyOrder(Role.values());
            // no password yet: maria cannot sign in until the owner gives her one
            assertThatThrownBy(() -> owner.owner().as(TestDesk.credentials("maria_k")).open())
                    .isInstanceOf(SignInRefusedException.class);
            users.setPassword("maria_k", TestDesk.password("maria_k"));
            Database maria = owner.owner().as(TestDesk.credentials("maria_k")).open();
            assertThat(new UserRepository(maria).current().username()).isEqualTo("maria_k");
            // and she works under the new rules at once: a copy editor may draft, not approve
            assertThat(new StoryRepository(maria).find(new org.wiredesk.story.StoryId(2)).orElseThrow().status())
                    .isEqualTo(Status.NEW);
        }
    }

    @Test
    void aNewStoreIsNotUpgradedAndASecuredOneSaysSo() throws Exception {
        Path dir = home.resolve("fresh");
        assertThat(StoreSetup.state(dir)).isEqualTo(StoreSetup.State.NONE);
        TestDesk.inDirectory(dir, false).close();
        assertThat(StoreSetup.state(dir)).isEqualTo(StoreSetup.State.SECURED);
        assertThatThrownBy(() -> StoreSetup.create(Database.embedded(dir, TestDesk.credentials("eve")), "Eve", true))
                .isInstanceOf(StoreException.class).hasMessageContaining("already a store");
    }

    private static void fillAsThePreviousVersionDid(Connection c) throws SQLException {
        String body = "<p>The harbour reopened on Tuesday after a storm.</p>";
        String sha = Fingerprint.ofText("The harbour reopened on Tuesday after a storm.");
        exec(c, "INSERT INTO app_user (username, display_name, created_ms) VALUES ('root', 'root', 1), "
                        + "('maria.k', 'Maria K.', 2)",
                "INSERT INTO user_role (username, role) VALUES ('root', 'EDITOR'), ('root', 'COPY_EDITOR'), "
                        + "('root', 'DESK_CHIEF'), ('maria.k', 'COPY_EDITOR')",
                "INSERT INTO source (name, address, kind, poll_seconds, credit) VALUES "
                        + "('Agency', 'https://agency.example/rss', 'FEED', 300, 'Agency'), "
                        + "('Drop', '/srv/drop', 'FOLDER', 60, NULL)",
                "DELETE FROM source WHERE name = 'Drop'",
                "INSERT INTO source (name, address, kind, poll_seconds, credit) VALUES "
                        + "('Drop again', '/srv/drop2', 'FOLDER', 60, NULL)");
        for (int i = 1; i <= 2; i++) {
            exec(c, "INSERT INTO story (id, dedup_hash, dedup_key, source_name, url, agency_headline, byline, language,"
                    + " published_at_source, received_ms, body_html, body_sha256, status, house_headline, updated_ms,"
                    + " source_id, priority) VALUES (NEXT VALUE FOR story_seq, '" + Fingerprint.sha256Hex("k" + i)
                    + "', 'k" + i + "', 'Agency', " + (i == 1 ? "'https://agency.example/1'" : "NULL")
                    + ", 'Harbour reopens " + i + "', 'A. Reporter', 'en', '2026-11-26T10:15+03:30', " + (1000 + i)
                    + ", '" + body + "', '" + sha + "', '" + (i == 1 ? "PUBLISHED" : "NEW") + "', "
                    + (i == 1 ? "'Harbour back in business'" : "NULL") + ", 2000, 1, " + (i - 1) + ")");
            exec(c, "INSERT INTO story_key (key_hash, story_id) VALUES ('" + Fingerprint.sha256Hex("key" + i) + "', "
                    + i + ")");
        }
        exec(c, "INSERT INTO story_version (id, story_id, agency_headline, body_html, body_sha256, received_ms) "
                        + "VALUES (NEXT VALUE FOR story_version_seq, 1, 'Harbour reopens (updated)', '" + body + "', '"
                        + sha + "', 1500)",
                statusChange(1, "NULL", "'NEW'", "'root'", "'ingested from Agency'", 1001),
                statusChange(2, "NULL", "'NEW'", "'root'", "'ingested from Agency'", 1002),
                statusChange(1, "'EDITING'", "'SUBMITTED'", "'maria.k'", "NULL", 1200),
                statusChange(1, "'SUBMITTED'", "'PUBLISHED'", "'root'", "NULL", 1300),
                "INSERT INTO headline_draft (id, story_id, headline, author, created_ms) VALUES "
                        + "(NEXT VALUE FOR headline_draft_seq, 1, 'Harbour back in business', 'maria.k', 1100)",
                "INSERT INTO publication (id, story_id, kind, headline, body_sha256, actor, at_ms, location, note) "
                        + "VALUES (NEXT VALUE FOR publication_seq, 1, 'PUBLISHED', 'Harbour back in business', '" + sha
                        + "', 'root', 1300, 'stories/1-harbour-back-in-business.html', NULL)",
                "INSERT INTO quarantine (origin, reason, content, received_ms) VALUES "
                        + "('https://x.example/', 'not an article', CAST(X'3c68746d6c3e' AS BLOB), 900)",
                "INSERT INTO desk_setting (name, value) VALUES ('publish.disclaimer', 'Our own note')",
                "INSERT INTO headline_autosave (story_id, username, headline, saved_ms) VALUES "
                        + "(2, 'maria.k', 'Typed, never saved', 1400)",
                "INSERT INTO story_claim (story_id, username, since_ms, active_ms) VALUES (2, 'maria.k', 1390, 1400)",
                "INSERT INTO headline_candidate (id, story_id, headline, author, created_ms) VALUES "
                        + "(NEXT VALUE FOR headline_candidate_seq, 2, 'A candidate', 'maria.k', 1395)",
                "INSERT INTO story_read (story_id, username, read_ms) VALUES (1, 'root', 1050), (2, 'maria.k', 1060)");
    }

    private static String statusChange(int story, String from, String to, String actor, String reason, long at) {
        return "INSERT INTO status_change (id, story_id, from_status, to_status, actor, reason, at_ms) VALUES "
                + "(NEXT VALUE FOR status_change_seq, " + story + ", " + from + ", " + to + ", " + actor + ", " + reason
                + ", " + at + ")";
    }

    /** The columns each table had in the earlier schema. */
    private final Map<String, List<String>> columns = new LinkedHashMap<>();

    /** Every row of every table, as text, with the columns the earlier schema had. */
    private Map<String, List<String>> snapshot(Connection c, String schema) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : StoreUpgrade.TABLES.stream().map(String::toUpperCase).toList()) {
            if (!columns.containsKey(table)) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, null)) {
                    while (rs.next()) {
                        names.add(rs.getString("COLUMN_NAME"));
                    }
                }
                columns.put(table, names);
            }
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT " + String.join(", ", columns.get(table)) + " FROM " + schema + "." + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = meta.getColumnType(i) == java.sql.Types.BLOB ? Arrays.toString(rs.getBytes(i))
                                : rs.getString(i);
                        row.append(meta.getColumnName(i)).append('=').append(v).append("; ");
                    }
                    rows.add(row.toString());
                }
            }
            out.put(table, rows);
        }
        return out;
    }

    private static void exec(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void shutdown(Path dir) {
        try {
            DriverManager.getConnection("jdbc:derby:" + dir + ";shutdown=true");
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).isEqualTo("08006");
        }
    }
}
