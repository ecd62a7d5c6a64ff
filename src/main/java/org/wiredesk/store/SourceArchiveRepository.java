package org.wiredesk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.wiredesk.story.StoryId;

/**
 * The archive of originals (ADR 30): the bytes each story and each later source version was derived from, as they
 * arrived, gzip-compressed and stored once per SHA-256 ({@code source_archive}), with each fetch of them
 * ({@code source_fetch}). Written only with the story or version that names it ({@link StoryRepository}); read back
 * here, the bytes checked against their SHA-256 on every read. The database refuses any change or deletion.
 */
public final class SourceArchiveRepository {
    /** The most an original may hold: more than any document the loader takes (20 MB). */
    static final long MAX_BYTES = 32L << 20;

    private static final String ARCHIVED_COLUMNS = """
            f.id, f.sha256, a.byte_count, f.kind, f.origin, f.url, f.content_type, f.read_as, f.fetched_ms,
            f.received_by""";

    private final Database database;

    public SourceArchiveRepository(Database database) {
        this.database = database;
    }

    /**
     * What the archive holds about one fetch, and what derived the body from it.
     *
     * @param derivedBy what made the story's (or version's) body from these bytes, as recorded then
     */
    public record Archived(long fetchId, String sha256, long byteCount, String kind, String origin, URI url,
                           String contentType, String readAs, Instant fetched, String receivedBy, String derivedBy) {
    }

    /** Why an archived original cannot be read as it was archived: one sentence. */
    public static final class DamagedOriginalException extends StoreException {
        public DamagedOriginalException(String message) {
            super(message);
        }
    }

    /** The original a story was derived from; empty for a story stored before the archive (V014). */
    public Optional<Archived> ofStory(StoryId id) {
        String sql = "SELECT " + ARCHIVED_COLUMNS + """
                , s.derived_by FROM story s JOIN source_fetch f ON f.id = s.source_fetch_id
                JOIN source_archive a ON a.sha256 = f.sha256 WHERE s.id = ?""";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(archived(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the archived original of story " + id, e);
        }
    }

    /** The originals of a story's later source versions, oldest first (versions stored before V014 have none). */
    public List<Archived> ofVersions(StoryId id) {
        String sql = "SELECT " + ARCHIVED_COLUMNS + """
                , v.derived_by FROM story_version v JOIN source_fetch f ON f.id = v.source_fetch_id
                JOIN source_archive a ON a.sha256 = f.sha256 WHERE v.story_id = ? ORDER BY v.id""";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id.value());
            List<Archived> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(archived(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the archived originals of story " + id + "'s later versions", e);
        }
    }

    /**
     * The archived bytes exactly as they arrived, decompressed and checked against their SHA-256.
     *
     * @throws DamagedOriginalException when they are missing, cannot be decompressed, or are not the bytes their
     *     SHA-256 names
     */
    public byte[] bytes(Archived original) {
        byte[] gz;
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT gz FROM source_archive WHERE sha256 = ?")) {
            ps.setString(1, original.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new DamagedOriginalException("the archive holds no bytes under SHA-256 "
                            + original.sha256());
                }
                gz = rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the archived original " + original.sha256(), e);
        }
        byte[] bytes;
        try {
            bytes = gunzip(new ByteArrayInputStream(gz), original.byteCount());
        } catch (IOException e) {
            throw new DamagedOriginalException("the archived bytes under SHA-256 " + original.sha256()
                    + " cannot be decompressed (" + e.getMessage() + ")");
        }
        if (bytes.length != original.byteCount() || !sha256(bytes).equals(original.sha256())) {
            throw new DamagedOriginalException("the archived bytes are not the ones their SHA-256 "
                    + original.sha256() + " names (" + bytes.length + " bytes, SHA-256 " + sha256(bytes) + ")");
        }
        return bytes;
    }

    /** How many stories name no original: those stored before the archive existed (V014). */
    public int storiesWithoutOriginal() {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM story WHERE source_fetch_id IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw SqlErrors.translate("count the stories without an archived original", e);
        }
    }

    /**
     * The fetch an original is archived as, in the caller's transaction: archived now (its bytes only when the
     * archive does not hold them yet), or the one it already was in an earlier, committed transaction.
     */
    static long fetchIn(Connection c, Database database, Original original) throws SQLException {
        if (original.fetchId() != 0) {
            return original.fetchId();
        }
        storeBytes(c, database, original);
        long id = database.nextId(c, "source_fetch_seq");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO source_fetch (id, sha256, kind, origin, url, content_type, read_as, fetched_ms,
                                          received_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, """ + database.signedInMember() + ")")) {
            ps.setLong(1, id);
            ps.setString(2, original.sha256());
            ps.setString(3, original.kind());
            ps.setString(4, StoryRepository.truncate(original.origin(), 4000));
            StoryRepository.setNullable(ps, 5, original.url() == null ? null
                    : StoryRepository.truncate(original.url().toString(), 4000));
            StoryRepository.setNullable(ps, 6, original.contentType() == null ? null
                    : StoryRepository.truncate(original.contentType(), 500));
            StoryRepository.setNullable(ps, 7, original.readAs() == null ? null
                    : StoryRepository.truncate(original.readAs(), 200));
            ps.setLong(8, original.fetched().toEpochMilli());
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * Stores the bytes once: identical bytes already archived are used as they are, after checking that they are
     * what their key names (PostgreSQL cannot check gzip on insert: a member could have stored other bytes under
     * the key first, and those must not stand in for these).
     */
    private static void storeBytes(Connection c, Database database, Original original) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT gz, byte_count FROM source_archive WHERE sha256 = ?")) {
            ps.setString(1, original.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    try (InputStream in = new ByteArrayInputStream(rs.getBytes(1))) {
                        if (rs.getLong(2) == original.byteCount()
                                && matches(in, original.sha256(), original.byteCount())) {
                            return;
                        }
                    } catch (IOException e) {
                        // not gzip: damaged, as below
                    }
                    throw new DamagedOriginalException("the archive holds other bytes under SHA-256 "
                            + original.sha256() + ": it was tampered with, and nothing more is archived under it");
                }
            }
        }
        if (original.byteCount() > MAX_BYTES) {
            throw new StoreException("an original of " + original.byteCount() + " bytes is more than the archive "
                    + "keeps (" + (MAX_BYTES >> 20) + " MB)");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO source_archive (sha256, byte_count, gz, received_by, received_ms)
                VALUES (?, ?, ?, """ + database.signedInMember() + ", ?)")) {
            ps.setString(1, original.sha256());
            ps.setLong(2, original.byteCount());
            ps.setBytes(3, original.gz());
            ps.setLong(4, original.fetched().toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static Archived archived(ResultSet rs) throws SQLException {
        String url = rs.getString(6);
        return new Archived(rs.getLong(1), rs.getString(2).strip(), rs.getLong(3), rs.getString(4), rs.getString(5),
                url == null ? null : URI.create(url), rs.getString(7), rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), rs.getString(11));
    }

    /** Whether a gzip stream holds exactly {@code count} bytes with this SHA-256 (reads one byte past, at most). */
    static boolean matches(InputStream gz, String sha, long count) throws IOException {
        if (sha == null || count < 0 || count > MAX_BYTES) {
            return false;
        }
        MessageDigest digest = digest();
        long seen = 0;
        try (GZIPInputStream in = new GZIPInputStream(gz, 64 * 1024)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, count + 1 - seen))) > 0) {
                digest.update(buffer, 0, n);
                seen += n;
                if (seen > count) {
                    return false;
                }
            }
        }
        return seen == count && HexFormat.of().formatHex(digest.digest()).equals(sha.strip());
    }

    /** The bytes of a gzip stream, at most {@code count} and one more (so a longer stream shows as longer). */
    static byte[] gunzip(InputStream gz, long count) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(gz, 64 * 1024)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(count, MAX_BYTES) + 1);
            out.write(in.readNBytes((int) Math.min(count, MAX_BYTES) + 1));
            return out.toByteArray();
        }
    }

    /** The lower-case hex SHA-256 of bytes. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
