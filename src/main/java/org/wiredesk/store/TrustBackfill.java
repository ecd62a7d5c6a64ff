package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wiredesk.story.ChainLink;
import org.wiredesk.story.Fingerprint;

/**
 * The Java step of schema version 7, inside its transaction: the markup fingerprint of every stored body, and the
 * history chain over the history a store already has, in the order it happened (time, then ingest before edits
 * before publications, then id). On a new store there is nothing to do but start the chain.
 */
final class TrustBackfill {
    private TrustBackfill() {
    }

    static void run(Connection c) throws SQLException {
        fingerprintMarkup(c);
        List<Row> rows = new ArrayList<>();
        read(c, rows, "status_change", 0, "SELECT id, story_id, from_status, to_status, actor, reason, at_ms FROM status_change");
        read(c, rows, "headline_draft", 1, "SELECT id, story_id, headline, author, created_ms FROM headline_draft");
        read(c, rows, "publication", 2, "SELECT id, story_id, kind, headline, body_sha256, actor, at_ms, note FROM publication");
        rows.sort(Comparator.comparingLong(Row::at).thenComparingInt(Row::order).thenComparingLong(Row::id));
        String prev = ChainLink.GENESIS;
        long seq = 0;
        for (Row row : rows) {
            seq++;
            String hash = row.link(prev, seq);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + row.table()
                    + " SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, prev);
                ps.setString(3, hash);
                ps.setLong(4, row.id());
                ps.executeUpdate();
            }
            prev = hash;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chain_head (one, seq, row_hash) VALUES (1, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
    }

    private static void fingerprintMarkup(Connection c) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT id, body_html FROM story WHERE body_html_sha256 IS NULL");
             PreparedStatement write = c.prepareStatement("UPDATE story SET body_html_sha256 = ? WHERE id = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                write.setString(1, Fingerprint.ofHtml(rs.getString(2)));
                write.setLong(2, rs.getLong(1));
                write.executeUpdate();
            }
        }
    }

    private static void read(Connection c, List<Row> rows, String table, int order, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                long story = rs.getLong(2);
                rows.add(materialize(table, order, rs, id, story));
            }
        }
    }

    private static Row materialize(String table, int order, ResultSet rs, long id, long story) throws SQLException {
        return switch (table) {
            case "status_change" -> {
                String from = rs.getString(3);
                String to = rs.getString(4);
                String actor = rs.getString(5);
                String reason = rs.getString(6);
                long at = rs.getLong(7);
                yield new Row(table, order, id, at, (prev, seq) -> ChainLink.status(prev, seq, story, from, to, actor,
                        reason, at));
            }
            case "headline_draft" -> {
                String headline = rs.getString(3);
                String author = rs.getString(4);
                long at = rs.getLong(5);
                yield new Row(table, order, id, at, (prev, seq) -> ChainLink.headline(prev, seq, story, headline,
                        author, at));
            }
            default -> {
                String kind = rs.getString(3);
                String headline = rs.getString(4);
                String body = rs.getString(5);
                String actor = rs.getString(6);
                long at = rs.getLong(7);
                String note = rs.getString(8);
                yield new Row(table, order, id, at, (prev, seq) -> ChainLink.publication(prev, seq, story, kind,
                        headline, body, actor, at, note, null));
            }
        };
    }

    private interface Linker {
        String link(String prev, long seq);
    }

    private record Row(String table, int order, long id, long at, Linker linker) {
        String link(String prev, long seq) {
            return linker.link(prev, seq);
        }
    }
}
