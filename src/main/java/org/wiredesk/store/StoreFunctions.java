package org.wiredesk.store;

import java.sql.Clob;
import java.sql.SQLException;
import org.wiredesk.story.Fingerprint;

/**
 * Java functions the database's guards call (Derby functions {@code desk.*}, V007), so that what a member inserts is
 * checked against what it must be: a fingerprint is 64 hex digits, a markup fingerprint is the hash of the stored
 * HTML, a story's keys are hashes of its own guid or URL. Public and static for Derby; no state.
 */
public final class StoreFunctions {
    private StoreFunctions() {
    }

    /** 1 when the value is a lower-case hex SHA-256, else 0. */
    public static int isSha256(String value) {
        return Fingerprint.isSha256Hex(value) ? 1 : 0;
    }

    /** The markup fingerprint of a stored body (SHA-256 of its HTML exactly). */
    public static String markupSha256(Clob html) throws SQLException {
        return html == null ? null : Fingerprint.ofHtml(html.getSubString(1, (int) html.length()));
    }

    /** The key a guid or URL is recognised by ({@link StoryRepository#dedupHash}). */
    public static String keyHash(String key) {
        return key == null ? null : StoryRepository.dedupHash(key);
    }

    /**
     * 1 when a gzip stream holds exactly {@code byteCount} bytes whose SHA-256 is {@code sha}, else 0 (V014: an
     * archived original is the bytes its key names). Reads at most one byte past the count, so a bomb costs nothing.
     */
    public static int archiveMatches(java.sql.Blob gz, String sha, long byteCount) throws SQLException {
        try (java.io.InputStream in = gz.getBinaryStream()) {
            return SourceArchiveRepository.matches(in, sha, byteCount) ? 1 : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** The database's clock in milliseconds since the epoch (V009: an embargo holds against it). */
    public static long nowMs() {
        return System.currentTimeMillis();
    }
}
