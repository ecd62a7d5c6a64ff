package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.wiredesk.story.StoryId;

/** What grouping compares (each story's MinHash and lead terms) and what it decided (copy of, cluster). */
public final class GroupingRepository {
    private final Database database;

    public GroupingRepository(Database database) {
        this.database = database;
    }

    /**
     * One story's grouping data.
     *
     * @param source the name of the source it came from (the agency credit)
     * @param publishedAtSource when the source says it published it, or null when it did not say or it was unreadable
     */
    public record Signature(StoryId id, StoryId clusterId, Instant received, String minhash, String leadTerms,
                            String source, Instant publishedAtSource) {
    }

    /** Where a story came from and when its source published it (null when unknown), as grouping compares them. */
    public record Origin(String source, Instant publishedAtSource) {
    }

    /** Signatures of stories received since the given time, newest first, at most {@code limit}. */
    public List<Signature> since(Instant since, int limit) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, cluster_id, received_ms, minhash, lead_terms, source_name, published_at_source FROM story
                WHERE received_ms >= ? AND lead_terms IS NOT NULL
                ORDER BY received_ms DESC FETCH FIRST ? ROWS ONLY""")) {
            ps.setLong(1, since.toEpochMilli());
            ps.setInt(2, limit);
            List<Signature> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cluster = rs.getLong(2);
                    boolean noCluster = rs.wasNull(); // asked at once: it answers for the column read last
                    out.add(new Signature(new StoryId(rs.getLong(1)), noCluster ? null : new StoryId(cluster),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            instant(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read recent story signatures", e);
        }
    }

    /** The source and the source's own time of one story (a read by primary key). */
    public Origin origin(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT source_name, published_at_source FROM story WHERE id = ?")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Origin(rs.getString(1), instant(rs.getString(2))) : new Origin(null, null);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the origin of story " + id, e);
        }
    }

    public void save(StoryId id, String minhash, String leadTerms, StoryId copyOf, StoryId cluster) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                // a copy found by its address from another source at storing (ADR 27) stays one
                "UPDATE story SET minhash = ?, lead_terms = ?, copy_of = COALESCE(?, copy_of), cluster_id = ? "
                        + "WHERE id = ?")) {
            ps.setString(1, minhash);
            ps.setString(2, leadTerms);
            setId(ps, 3, copyOf);
            setId(ps, 4, cluster);
            ps.setLong(5, id.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("group story " + id, e);
        }
    }

    public void saveCluster(StoryId id, StoryId cluster) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE story SET cluster_id = ? WHERE id = ?")) {
            setId(ps, 1, cluster);
            ps.setLong(2, id.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("group story " + id, e);
        }
    }

    /** The stories of one cluster, oldest first. */
    public List<StoryId> cluster(StoryId cluster) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM story WHERE cluster_id = ? ORDER BY received_ms, id")) {
            ps.setLong(1, cluster.value());
            List<StoryId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoryId(rs.getLong(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read cluster " + cluster, e);
        }
    }

    /** The stored source time (an ISO offset date-time, as ingest wrote it), or null. */
    private static Instant instant(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(stored).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void setId(PreparedStatement ps, int index, StoryId id) throws SQLException {
        if (id == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, id.value());
        }
    }
}
