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

    /**
     * 1 when a chosen body is exactly the archived original's own blocks at these indexes (V016, ADR 32): the original's
     * bytes (gzip, checked against their SHA-256) listed again as the desk lists blocks, the blocks at {@code indexes}
     * (ascending, comma-separated) taken in order, their texts hashing to {@code blocksSha256}, and the body made of them
     * ({@link org.wiredesk.story.BlockChoice}) being {@code bodyHtml} with text fingerprint {@code bodySha256}. Else 0.
     */
    public static int chosenBodyMatches(java.sql.Blob gz, String sha, long byteCount, String kind, String contentType,
                                        String url, String indexes, String blocksSha256, Clob bodyHtml,
                                        String bodySha256) throws SQLException {
        if (gz == null || sha == null || kind == null || indexes == null || blocksSha256 == null || bodyHtml == null
                || bodySha256 == null) {
            return 0;
        }
        try {
            byte[] bytes;
            try (java.io.InputStream in = gz.getBinaryStream()) {
                bytes = SourceArchiveRepository.gunzip(in, byteCount);
            }
            if (bytes.length != byteCount || !SourceArchiveRepository.sha256(bytes).equals(sha.strip())) {
                return 0;
            }
            java.util.List<Integer> chosen = org.wiredesk.story.BlockChoice.parseIndexes(indexes);
            if (!org.wiredesk.story.BlockChoice.indexesText(chosen).equals(indexes)) {
                return 0; // recorded in one form only
            }
            java.util.List<String> blocks = BodyChoiceRepository.blocksOf(bytes, contentType, url, kind.strip());
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (int i : chosen) {
                if (i >= blocks.size()) {
                    return 0;
                }
                texts.add(blocks.get(i));
            }
            org.wiredesk.story.BlockChoice choice = new org.wiredesk.story.BlockChoice(chosen, texts);
            String html = bodyHtml.getSubString(1, (int) bodyHtml.length());
            return choice.html().equals(html) && choice.bodySha256().equals(bodySha256.strip())
                    && choice.blocksSha256().equals(blocksSha256.strip()) ? 1 : 0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // unreadable, or no block lister on the class path: refused
        }
    }

    /** The database's clock in milliseconds since the epoch (V009: an embargo holds against it). */
    public static long nowMs() {
        return System.currentTimeMillis();
    }
}
