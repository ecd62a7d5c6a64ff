package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/** The inbox as one member sees it (with their read marks and who is editing what), and the triage marks. */
public final class InboxRepository {
    private final Database database;

    public InboxRepository(Database database) {
        this.database = database;
    }

    /** When the source says it published (stored as it said it, with its offset), or null. */
    private static Instant atSource(String text) {
        try {
            return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer urgency(ResultSet rs) throws SQLException {
        int u = rs.getInt(17);
        return rs.wasNull() ? null : u;
    }

    /** Inbox rows (no bodies) in the given statuses, newest first; all statuses when empty. */
    public List<StorySummary> inbox(Collection<Status> statuses, int limit, String reader) {
        String where = statuses.isEmpty() ? "" : " WHERE s.status IN ("
                + statuses.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        String sql = "SELECT s.id, s.source_name, s.agency_headline, s.house_headline, s.received_ms, s.status, "
                // an agency's urgency 1-2 is the desk's urgent mark too (issue 13)
                + "s.updated_ms, s.updated_at_source_ms, "
                + "CASE WHEN s.priority <> 0 OR s.urgency <= 2 THEN 1 ELSE 0 END, r.read_ms, c.username, c.since_ms, "
                + "s.language, "
                + "s.cluster_id, (SELECT t.until_ms FROM story_timing t WHERE t.story_id = s.id AND t.kind = 'EMBARGO' "
                + "AND t.chain_seq = (SELECT MAX(m.chain_seq) FROM story_timing m WHERE m.story_id = s.id "
                + "AND m.kind = 'EMBARGO')), "
                // the agency's latest word: its latest source version's pubStatus, else the story's own
                + "COALESCE((SELECT v.pub_status FROM story_version v WHERE v.story_id = s.id AND v.id = "
                + "(SELECT MAX(w.id) FROM story_version w WHERE w.story_id = s.id AND w.pub_status IS NOT NULL)), "
                + "s.pub_status, 'USABLE'), s.urgency, s.published_at_source FROM story s "
                + "LEFT JOIN story_read r ON r.story_id = s.id AND r.username = ? "
                + "LEFT JOIN story_claim c ON c.story_id = s.id" + where
                + " ORDER BY s.received_ms DESC, s.id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, reader);
            for (Status s : statuses) {
                ps.setString(i++, s.name());
            }
            ps.setInt(i, limit);
            List<StorySummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long source = rs.getLong(8);
                    String claimedBy = rs.getString(11);
                    long embargo = rs.getLong(15);
                    Instant embargoUntil = rs.wasNull() ? null : Instant.ofEpochMilli(embargo);
                    out.add(new StorySummary(new StoryId(rs.getLong(1)), rs.getString(2),
                            new Headline(rs.getString(3)), StoryRepository.headlineOrNull(rs.getString(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), Status.valueOf(rs.getString(6)),
                            Instant.ofEpochMilli(rs.getLong(7)), source == 0 ? null : Instant.ofEpochMilli(source),
                            rs.getShort(9) != 0, rs.getLong(10) != 0, claimedBy,
                            claimedBy == null ? null : Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13),
                            rs.getLong(14), embargoUntil, !"USABLE".equals(rs.getString(16)), urgency(rs),
                            atSource(rs.getString(18))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list the inbox", e);
        }
    }

    /** The event clusters of which we have published a story (for the inbox's mark). */
    public java.util.Set<Long> publishedClusters() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT cluster_id FROM story WHERE status = 'PUBLISHED' AND cluster_id IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            java.util.Set<Long> out = new java.util.HashSet<>();
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read published clusters", e);
        }
    }

    /** The newest story id: the inbox reloads when this moves. */
    public long newestId() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM story");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqlErrors.translate("look for new stories", e);
        }
    }

    /**
     * A mark that moves whenever any workstation on this store changes a story's status or headline or who is
     * editing it: the head of the history chain, and the number and newest of the claims. Cheap enough to ask every few seconds.
     */
    public String changeMark() {
        String sql = "SELECT (SELECT seq FROM chain_head), (SELECT COUNT(*) FROM story_claim), "
                + "(SELECT MAX(since_ms) FROM story_claim)" + database.withoutTable();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
        } catch (SQLException e) {
            throw SqlErrors.translate("look for changes", e);
        }
    }

    public void setPriority(Collection<StoryId> ids, boolean priority) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE story SET priority = ? WHERE id = ?")) {
            for (StoryId id : ids) {
                ps.setShort(1, (short) (priority ? 1 : 0));
                ps.setLong(2, id.value());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw SqlErrors.translate("flag stories", e);
        }
    }

    public void setRead(Collection<StoryId> ids, String username, boolean read, Instant at) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM story_read WHERE story_id = ? AND username = ?");
                 PreparedStatement in = c.prepareStatement(
                         "INSERT INTO story_read (story_id, username, read_ms) VALUES (?, ?, ?)")) {
                for (StoryId id : ids) {
                    del.setLong(1, id.value());
                    del.setString(2, username);
                    del.executeUpdate();
                    if (read) {
                        in.setLong(1, id.value());
                        in.setString(2, username);
                        in.setLong(3, at.toEpochMilli());
                        in.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("mark stories read", e);
        }
    }
}
