package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/**
 * The archive of originals in the store (issue 11, point 5; ADR 30): a story and each later source version keep the
 * bytes they were derived from, compressed, with their SHA-256, content type, charset, address and time; identical
 * bytes are stored once. As an attacker with a plain JDBC client, every member and the owner: nobody changes or
 * deletes an archived original, or points a story or a version at another. On Derby; {@code PgSourceArchiveStoreTest}
 * runs every test again on PostgreSQL.
 */
class SourceArchiveStoreTest {
    private static final String PAGE = "<!doctype html><html><head><meta charset=\"windows-1252\">"
            + "<title>Budget</title></head><body><p>Caf\u00e9 owners welcome the budget.</p></body></html>";

    DeskFixture desk;
    StoryRepository stories;
    SourceArchiveRepository archive;

    DeskFixture fixture() {
        return new DeskFixture();
    }

    @BeforeEach
    void setUp() {
        desk = fixture();
        stories = desk.as(desk.editor).stories();
        archive = new SourceArchiveRepository(desk.database);
    }

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void aStoryKeepsTheBytesItWasDerivedFromExactlyWithTheirFetch() throws SQLException {
        byte[] bytes = PAGE.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Original original = original(bytes, "text/html; charset=windows-1252");

        StoryId id = store("u-1", "Caf\u00e9 owners welcome the budget.", original).id();

        SourceArchiveRepository.Archived kept = archive.ofStory(id).orElseThrow();
        assertThat(archive.bytes(kept)).isEqualTo(bytes);
        assertThat(kept.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(bytes)));
        assertThat(kept.byteCount()).isEqualTo(bytes.length);
        assertThat(kept.contentType()).isEqualTo("text/html; charset=windows-1252");
        assertThat(kept.readAs()).isEqualTo("windows-1252 (from the HTTP header)");
        assertThat(kept.url()).isEqualTo(URI.create("https://agency.example/budget"));
        assertThat(kept.fetched()).isEqualTo(Instant.parse("2026-11-26T11:59:00Z"));
        assertThat(kept.kind()).isEqualTo("page");
        assertThat(kept.receivedBy()).isEqualTo("ed");
        assertThat(kept.derivedBy()).isEqualTo("article extractor @ingest-test");
        // kept compressed: the stored bytes are gzip, not the page
        try (Connection c = desk.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT gz FROM source_archive WHERE sha256 = ?")) {
            ps.setString(1, kept.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] gz = rs.getBytes(1);
                assertThat(gz[0] & 0xff).isEqualTo(0x1f);
                assertThat(gz[1] & 0xff).isEqualTo(0x8b);
            }
        }
    }

    @Test
    void identicalBytesAreStoredOnceAndAFeedsItemsShareItsFetch() throws SQLException {
        byte[] feed = "<rss><channel><item><title>A</title></item><item><title>B</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        Original fetched = original(feed, "application/rss+xml");
        StoryId a = store("u-a", "Item A.", fetched).id();
        StoryId b = store("u-b", "Item B.", fetched).id();
        // the same bytes fetched again later: a fetch of its own, the bytes stored once
        StoryId c = store("u-c", "Item C.", original(feed, "application/rss+xml")).id();

        assertThat(archive.ofStory(a).orElseThrow().fetchId()).isEqualTo(archive.ofStory(b).orElseThrow().fetchId());
        assertThat(archive.ofStory(c).orElseThrow().fetchId()).isNotEqualTo(archive.ofStory(a).orElseThrow().fetchId());
        assertThat(count("source_archive")).isEqualTo(1);
        assertThat(count("source_fetch")).isEqualTo(2);
        assertThat(archive.bytes(archive.ofStory(c).orElseThrow())).isEqualTo(feed);
    }

    @Test
    void aLaterSourceVersionKeepsItsOwnOriginalAndADuplicateArchivesNothing() throws SQLException {
        StoryId id = store("u-v", "First text.", original(bytes("v1"), null)).id();
        StoryRepository.Stored again = store("u-v", "First text.", original(bytes("v1 again"), null));
        StoryRepository.Stored later = store("u-v", "Second text.", original(bytes("v2"), null));

        assertThat(again.outcome()).isEqualTo(StoryRepository.Outcome.DUPLICATE);
        assertThat(later.outcome()).isEqualTo(StoryRepository.Outcome.UPDATED_AT_SOURCE);
        List<SourceArchiveRepository.Archived> versions = archive.ofVersions(id);
        assertThat(versions).singleElement().satisfies(v -> assertThat(archive.bytes(v)).isEqualTo(bytes("v2")));
        assertThat(archive.bytes(archive.ofStory(id).orElseThrow())).isEqualTo(bytes("v1"));
        assertThat(count("source_archive")).isEqualTo(2);
    }

    @Test
    void aStoryFromBeforeTheArchiveHasNoneAndIsCounted() {
        StoryId old = desk.story("u-old", "Before the archive", "Body.");
        store("u-new", "After it.", original(bytes("new"), null));

        assertThat(archive.ofStory(old)).isEmpty();
        assertThat(archive.storiesWithoutOriginal()).isEqualTo(1);
    }

    @Test
    void noMemberAndNotTheOwnerChangesOrDeletesAnArchivedOriginalOrPointsAStoryAtAnother() throws SQLException {
        StoryId id = store("u-x", "The text.", original(bytes("x"), null)).id();
        store("u-x", "The changed text.", original(bytes("x2"), null));
        StoryId other = store("u-y", "Other text.", original(bytes("y"), null)).id();
        StoryId old = desk.story("u-old", "Before the archive", "Body.");
        long otherFetch = archive.ofStory(other).orElseThrow().fetchId();
        String sha = archive.ofStory(id).orElseThrow().sha256();
        // bytes and a fetch that no story names: only the guards stand between them and a DELETE
        String loose = java.util.HexFormat.of().formatHex(sha256(bytes("loose")));
        try (Connection c = PlainMember.connect(desk, "ed"); var st = c.createStatement()) {
            st.execute(insertArchive(bytes("loose"), "ed"));
            st.execute("INSERT INTO desk.source_fetch (id, sha256, kind, origin, fetched_ms, received_by) VALUES ("
                    + (desk.database.isPostgres() ? "nextval('desk.source_fetch_seq')"
                    : "NEXT VALUE FOR desk.source_fetch_seq") + ", '" + sha + "', 'page', 'x', 0, 'ed')");
        }
        for (String member : new String[] {"ed", "cora", "dee"}) {
            try (Connection c = PlainMember.connect(desk, member)) {
                attack(c, "desk.", id, old, otherFetch, sha, loose);
            }
        }
        try (Connection owner = desk.testDesk.owner().connect()) {
            attack(owner, "", id, old, otherFetch, sha, loose);
        }
        assertThat(count("source_archive")).isEqualTo(4);
        assertThat(count("source_fetch")).isEqualTo(4);
        assertThat(archive.bytes(archive.ofStory(id).orElseThrow())).isEqualTo(bytes("x"));
        assertThat(archive.bytes(archive.ofVersions(id).get(0))).isEqualTo(bytes("x2"));
        assertThat(archive.ofStory(old)).isEmpty();
    }

    private void attack(Connection c, String schema, StoryId id, StoryId old, long otherFetch, String sha,
                        String loose) {
        String archive = schema + "source_archive";
        String fetch = schema + "source_fetch";
        PlainMember.refused(c, "UPDATE " + archive + " SET byte_count = 1 WHERE sha256 = '" + sha + "'");
        PlainMember.refused(c, "UPDATE " + archive + " SET gz = (SELECT a.gz FROM " + archive + " a WHERE a.sha256 <> '"
                + sha + "' FETCH FIRST 1 ROWS ONLY) WHERE sha256 = '" + sha + "'");
        PlainMember.refused(c, "DELETE FROM " + archive + " WHERE sha256 = '" + loose + "'");
        PlainMember.refused(c, "UPDATE " + fetch + " SET url = 'https://evil.example/'");
        PlainMember.refused(c, "UPDATE " + fetch + " SET sha256 = (SELECT MIN(a.sha256) FROM " + archive
                + " a WHERE a.sha256 <> '" + sha + "')");
        PlainMember.refused(c, "DELETE FROM " + fetch + " WHERE origin = 'x'");
        PlainMember.refused(c, "UPDATE " + schema + "story SET source_fetch_id = " + otherFetch + " WHERE id = "
                + id.value());
        PlainMember.refused(c, "UPDATE " + schema + "story SET source_fetch_id = NULL WHERE id = " + id.value());
        PlainMember.refused(c, "UPDATE " + schema + "story SET source_fetch_id = " + otherFetch + " WHERE id = "
                + old.value());
        PlainMember.refused(c, "UPDATE " + schema + "story SET derived_by = 'by hand' WHERE id = " + id.value());
        PlainMember.refused(c, "UPDATE " + schema + "story_version SET source_fetch_id = " + otherFetch
                + " WHERE story_id = " + id.value());
    }

    @Test
    void anOriginalIsArchivedAsTheMemberWhoReceivedIt() throws SQLException {
        byte[] bytes = bytes("claimed by another");
        try (Connection c = PlainMember.connect(desk, "ed")) {
            PlainMember.refused(c, insertArchive(bytes, "dee"));
        }
        assertThat(count("source_archive")).isZero();
    }

    @Test
    void bytesStoredUnderAKeyThatIsNotTheirsAreNeverUsedForThoseBytes() throws SQLException {
        byte[] genuine = bytes("the genuine page");
        String poisoned = java.util.HexFormat.of().formatHex(sha256(genuine));
        try (Connection c = PlainMember.connect(desk, "ed")) {
            // other bytes under the genuine page's key: Derby refuses them; PostgreSQL cannot read gzip, so WireDesk
            // refuses to let them stand in for the genuine page when it arrives
            String sql = insertArchive(bytes("a forged page"), "ed").replace(
                    java.util.HexFormat.of().formatHex(sha256(bytes("a forged page"))), poisoned);
            if (desk.database.isPostgres()) {
                try (var st = c.createStatement()) {
                    st.execute(sql);
                }
            } else {
                PlainMember.refused(c, sql);
            }
        }
        if (desk.database.isPostgres()) {
            assertThatThrownBy(() -> store("u-p", "The text.", original(genuine, null)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("tampered");
            assertThat(stories.contains("u-p")).isFalse();
        } else {
            StoryId id = store("u-p", "The text.", original(genuine, null)).id();
            assertThat(archive.bytes(archive.ofStory(id).orElseThrow())).isEqualTo(genuine);
        }
    }

    private String insertArchive(byte[] bytes, String as) {
        String hex = java.util.HexFormat.of().formatHex(gzip(bytes));
        String gz = desk.database.isPostgres() ? "'\\x" + hex + "'::bytea" : "CAST(X'" + hex + "' AS BLOB)";
        return "INSERT INTO desk.source_archive (sha256, byte_count, gz, received_by, received_ms) VALUES ('"
                + java.util.HexFormat.of().formatHex(sha256(bytes)) + "', " + bytes.length + ", " + gz + ", '" + as
                + "', 0)";
    }

    private StoryRepository.Stored store(String key, String text, Original original) {
        String html = "<p>" + text + "</p>";
        NewStory story = new NewStory(key, "Agency", URI.create("https://agency.example/" + key),
                new Headline("Headline " + key), new Body(html, Fingerprint.ofText(text)), null, "en", null,
                desk.clock.instant());
        return stories.store(story, "ed", original, "article extractor @ingest-test");
    }

    private Original original(byte[] bytes, String contentType) {
        return new Original("page", "https://agency.example/budget", URI.create("https://agency.example/budget"),
                contentType, contentType == null ? null : "windows-1252 (from the HTTP header)",
                Instant.parse("2026-11-26T11:59:00Z"), bytes);
    }

    private static byte[] bytes(String text) {
        return ("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private int count(String table) throws SQLException {
        try (Connection c = desk.database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
