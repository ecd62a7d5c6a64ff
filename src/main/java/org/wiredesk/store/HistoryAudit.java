package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wiredesk.story.ChainLink;

/**
 * Walks the history chain as the store holds it and recomputes every link ({@link ChainLink}): a row changed after it
 * was written, removed, inserted or moved breaks it, and each break is named (which row, which story, what differs).
 * Also checks that each story's status is where its status history leaves it. Reads only; any member may run it.
 */
public final class HistoryAudit {
    private final Database database;

    public HistoryAudit(Database database) {
        this.database = database;
    }

    /** One history row as stored, and the hash its content gives now. */
    record Row(String table, long id, long storyId, long seq, String prev, String hash, String recomputed) {
        String name() {
            return table + " row " + id + " (link " + seq + ", story " + storyId + ")";
        }
    }

    /** What the audit found: rows per table, self-approvals, and every break in one sentence each. */
    public record Report(Map<String, Integer> rows, List<String> selfApprovals, List<String> breaks) {
        public boolean clean() {
            return breaks.isEmpty();
        }

        public int links() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Report run() {
        try (Connection c = database.connect()) {
            List<Row> rows = rows(c);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String t : List.of("status_change", "headline_draft", "approval", "publication", "story_note", "story_timing")) {
                counts.put(t, 0);
            }
            List<String> breaks = new ArrayList<>();
            String prev = ChainLink.GENESIS;
            long expected = 1;
            for (Row row : rows) {
                counts.merge(row.table(), 1, Integer::sum);
                if (row.seq() != expected) {
                    breaks.add(row.seq() < expected
                            ? row.name() + " repeats link " + row.seq() + ": a row was inserted into the chain"
                            : "links " + expected + " to " + (row.seq() - 1) + " are missing before " + row.name()
                                    + ": rows were removed from the chain");
                }
                if (!row.prev().equals(prev)) {
                    breaks.add(row.name() + " does not follow the row before it (its previous hash is "
                            + abbreviate(row.prev()) + ", the chain has " + abbreviate(prev)
                            + "): a row before it was changed, removed, inserted or moved");
                }
                if (!row.hash().equals(row.recomputed())) {
                    breaks.add(row.name() + " was changed after it was written: its content hashes to "
                            + abbreviate(row.recomputed()) + ", not " + abbreviate(row.hash()));
                }
                prev = row.hash();
                expected = row.seq() + 1;
            }
            head(c, rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq(), prev, breaks);
            statuses(c, breaks);
            return new Report(counts, selfApprovals(c), breaks);
        } catch (SQLException e) {
            throw SqlErrors.translate("audit the history", e);
        }
    }

    private static List<Row> rows(Connection c) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, from_status, to_status, actor, reason, at_ms, chain_seq, prev_hash, row_hash
                FROM status_change""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row("status_change", rs.getLong(1), rs.getLong(2), rs.getLong(8), rs.getString(9),
                        rs.getString(10), ChainLink.status(rs.getString(9), rs.getLong(8), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, headline, author, created_ms, chain_seq, prev_hash, row_hash FROM headline_draft""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row("headline_draft", rs.getLong(1), rs.getLong(2), rs.getLong(6), rs.getString(7),
                        rs.getString(8), ChainLink.headline(rs.getString(7), rs.getLong(6), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, headline, body_sha256, body_html_sha256, actor, self_approved, at_ms, chain_seq,
                       prev_hash, row_hash FROM approval""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row("approval", rs.getLong(1), rs.getLong(2), rs.getLong(9), rs.getString(10),
                        rs.getString(11), ChainLink.approval(rs.getString(10), rs.getLong(9), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getLong(8))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, kind, headline, body_sha256, actor, at_ms, note, signature, chain_seq, prev_hash,
                       row_hash FROM publication""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row("publication", rs.getLong(1), rs.getLong(2), rs.getLong(10), rs.getString(11),
                        rs.getString(12), ChainLink.publication(rs.getString(11), rs.getLong(10), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, kind, message, style_errors, author, at_ms, chain_seq, prev_hash, row_hash
                FROM story_note""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row("story_note", rs.getLong(1), rs.getLong(2), rs.getLong(8), rs.getString(9),
                        rs.getString(10), ChainLink.note(rs.getString(9), rs.getLong(8), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7))));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, story_id, kind, until_ms, reason, actor, at_ms, chain_seq, prev_hash, row_hash
                FROM story_timing""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long until = rs.getLong(4);
                Long untilMs = rs.wasNull() ? null : until;
                out.add(new Row("story_timing", rs.getLong(1), rs.getLong(2), rs.getLong(8), rs.getString(9),
                        rs.getString(10), ChainLink.timing(rs.getString(9), rs.getLong(8), rs.getLong(2),
                        rs.getString(3), untilMs, rs.getString(5), rs.getString(6), rs.getLong(7))));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Row::seq).thenComparing(Row::table).thenComparingLong(Row::id));
        return out;
    }

    private static void head(Connection c, long lastSeq, String lastHash, List<String> breaks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, row_hash FROM chain_head");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                breaks.add("the chain has no head row");
            } else if (rs.getLong(1) != lastSeq || !rs.getString(2).equals(lastHash)) {
                breaks.add("the chain's head is link " + rs.getLong(1) + " (" + abbreviate(rs.getString(2))
                        + ") but its last row is link " + lastSeq + " (" + abbreviate(lastHash)
                        + "): rows were removed from its end, or the head was moved");
            }
        }
    }

    /** Each story's status is where its last status change left it. */
    private static void statuses(Connection c, List<String> breaks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.status, (SELECT c.to_status FROM status_change c WHERE c.story_id = s.id
                                        ORDER BY c.chain_seq DESC FETCH FIRST 1 ROWS ONLY)
                FROM story s""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String last = rs.getString(3);
                if (last == null) {
                    breaks.add("story " + rs.getLong(1) + " has no history at all");
                } else if (!last.equals(rs.getString(2))) {
                    breaks.add("story " + rs.getLong(1) + " is " + rs.getString(2) + " but its history leaves it "
                            + last);
                }
            }
        }
    }

    private static List<String> selfApprovals(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT story_id, actor, at_ms FROM approval WHERE self_approved = 1 ORDER BY chain_seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add("story " + rs.getLong(1) + " was approved by " + rs.getString(2) + ", who wrote its headline "
                        + "or submitted it (one-person desk), at " + java.time.Instant.ofEpochMilli(rs.getLong(3)));
            }
        }
        return out;
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
