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

    /**
     * Names the (received_ms, id) index to Derby's optimizer (which would otherwise sort the whole view); to
     * PostgreSQL, whose planner takes that index for a LIMIT by itself, it is a comment.
     */
    private static final String BY_RECEIVED = "--DERBY-PROPERTIES index = story_by_received_id\n ";

    /** What an inbox row reads of a story (never its body), over {@code story s} and the member's marks. */
    private static final String SUMMARY = "SELECT s.id, s.source_name, s.agency_headline, s.house_headline, "
            + "s.received_ms, s.status, "
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
            + "LEFT JOIN story_claim c ON c.story_id = s.id";

    /** Inbox rows (no bodies) in the given statuses, newest first; all statuses when empty. */
    public List<StorySummary> inbox(Collection<Status> statuses, int limit, String reader) {
        return page(InboxQuery.of(java.util.Set.copyOf(statuses), reader), null, limit);
    }

    /**
     * One page of an inbox, newest first (received time, then id): the first when {@code after} is null, else the
     * rows that follow that one. A keyset, not an offset: every page costs about what the first does.
     */
    public List<StorySummary> page(InboxQuery query, StorySummary after, int size) {
        return page(query, false, after, size);
    }

    /**
     * {@link #page(InboxQuery, StorySummary, int)}, oldest first when {@code oldestFirst}. The page's ids come first,
     * from the (received_ms, id) index alone, then their rows: Derby sorts the whole view when the ORDER BY spans the
     * outer joins of a row (460 ms to 1.5 s for a page at 20,000 stories; the two steps take a few ms).
     */
    public List<StorySummary> page(InboxQuery query, boolean oldestFirst, StorySummary after, int size) {
        List<Long> ids = new ArrayList<>(size);
        keys(query, oldestFirst, after == null ? -1 : after.received().toEpochMilli(),
                after == null ? -1 : after.id().value(), size, (id, received, atSource, group) -> ids.add(id));
        java.util.Map<Long, StorySummary> byId = new java.util.HashMap<>();
        rows(ids, query.reader()).forEach(r -> byId.put(r.id().value(), r));
        List<StorySummary> out = new ArrayList<>(ids.size());
        ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(out::add);
        return out;
    }

    /** These stories' inbox rows (those that still exist), in no particular order. */
    public List<StorySummary> rows(Collection<Long> ids, String reader) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(reader);
        params.addAll(ids);
        String sql = SUMMARY + " WHERE s.id IN (" + ids.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        return summaries("read inbox rows", sql, params);
    }

    private List<StorySummary> summaries(String what, String sql, List<Object> params) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<StorySummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Long l) {
                ps.setLong(i++, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i++, n);
            } else {
                ps.setString(i++, (String) p);
            }
        }
    }

    private static StorySummary summary(ResultSet rs) throws SQLException {
        long source = rs.getLong(8);
        String claimedBy = rs.getString(11);
        long embargo = rs.getLong(15);
        Instant embargoUntil = rs.wasNull() ? null : Instant.ofEpochMilli(embargo);
        return new StorySummary(new StoryId(rs.getLong(1)), rs.getString(2),
                new Headline(rs.getString(3)), StoryRepository.headlineOrNull(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), Status.valueOf(rs.getString(6)),
                Instant.ofEpochMilli(rs.getLong(7)), source == 0 ? null : Instant.ofEpochMilli(source),
                rs.getShort(9) != 0, rs.getLong(10) != 0, claimedBy,
                claimedBy == null ? null : Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13),
                rs.getLong(14), embargoUntil, !"USABLE".equals(rs.getString(16)), urgency(rs),
                atSource(rs.getString(18)));
    }

    /** What an inbox keeps of each of its stories to order and fold them: a few numbers, never the row. */
    public interface KeySink {
        /**
         * One story, newest first.
         *
         * @param sortKey what the order asked for (the source's time, the urgency), or {@link Long#MIN_VALUE}
         * @param group its event cluster, or its own id when it has none
         */
        void accept(long id, long receivedMs, long sortKey, long group);
    }

    /**
     * The keys of up to {@code limit} stories of an inbox that follow the one at ({@code afterMs}, {@code afterId})
     * in received order (newest first, or oldest first when {@code oldestFirst}); from the start when
     * {@code afterId} is negative. A keyset again: an inbox reads its million keys in chunks, never as rows.
     *
     * @return how many were read
     */
    public int keys(InboxQuery query, boolean oldestFirst, long afterMs, long afterId, int limit, KeySink sink) {
        return keys(query, oldestFirst, afterMs, afterId, limit, SortKey.NONE, sink);
    }

    /** What else a key carries, for an order the index does not give. */
    public enum SortKey {
        /** Nothing: the keys of a view then come from the index alone. */
        NONE,
        /** When the source says it published the story (epoch ms). */
        AT_SOURCE,
        /** The agency's urgency (1 = flash … 9). */
        URGENCY
    }

    /**
     * {@link #keys(InboxQuery, boolean, long, long, int, KeySink)}, each key carrying {@code sortKey} in the sink's
     * third place ({@link Long#MIN_VALUE} when the story has none).
     */
    public int keys(InboxQuery query, boolean oldestFirst, long afterMs, long afterId, int limit, SortKey sortKey,
                    KeySink sink) {
        List<Object> params = new ArrayList<>();
        String where = query.where(params);
        String dir = oldestFirst ? "ASC" : "DESC";
        if (afterId >= 0) {
            String beyond = oldestFirst ? ">" : "<";
            where += (where.isEmpty() ? " WHERE " : " AND ") + "(s.received_ms " + beyond + " ? OR (s.received_ms = ? "
                    + "AND s.id " + beyond + " ?))";
            params.add(afterMs);
            params.add(afterMs);
            params.add(afterId);
        }
        params.add(limit);
        String sql = "SELECT s.id, s.received_ms, " + switch (sortKey) {
            case NONE -> "CAST(NULL AS VARCHAR(40))";
            case AT_SOURCE -> "s.published_at_source";
            case URGENCY -> "s.urgency";
        }
                + ", s.cluster_id FROM story s " + BY_RECEIVED + where
                + " ORDER BY s.received_ms " + dir + ", s.id " + dir + " FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    long id = rs.getLong(1);
                    long key = Long.MIN_VALUE;
                    if (sortKey == SortKey.URGENCY) {
                        int u = rs.getInt(3);
                        key = rs.wasNull() ? Long.MIN_VALUE : u;
                    } else if (sortKey == SortKey.AT_SOURCE) {
                        Instant at = atSource(rs.getString(3));
                        key = at == null ? Long.MIN_VALUE : at.toEpochMilli();
                    }
                    long cluster = rs.getLong(4);
                    sink.accept(id, rs.getLong(2), key, cluster == 0 ? id : cluster);
                }
            }
            return n;
        } catch (SQLException e) {
            throw SqlErrors.translate("list the inbox", e);
        }
    }

    /** How many stories of these statuses (all when empty) each of these event clusters holds. */
    public java.util.Map<Long, Integer> clusterSizes(Collection<Long> clusters, Collection<Status> statuses) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        if (clusters.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>(clusters);
        // by the cluster index: Derby would otherwise scan the covering (received_ms, id, status, cluster_id) index
        String sql = "SELECT s.cluster_id, COUNT(*) FROM story s --DERBY-PROPERTIES index = story_by_cluster\n"
                + " WHERE s.cluster_id IN ("
                + clusters.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
        if (!statuses.isEmpty()) {
            sql += " AND s.status IN (" + statuses.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
            statuses.forEach(x -> params.add(x.name()));
        }
        sql += " GROUP BY s.cluster_id";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("count the reports of events", e);
        }
    }

    /** The names of the sources (or the languages, when {@code languages}) of the stories in these statuses. */
    public List<String> distinct(boolean languages, Collection<Status> statuses) {
        String column = languages ? "s.language" : "s.source_name";
        List<Object> params = new ArrayList<>();
        String where = InboxQuery.of(java.util.Set.copyOf(statuses), "").where(params);
        String sql = "SELECT DISTINCT " + column + " FROM story s" + where;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list sources and languages", e);
        }
    }

    /** The newest status change's place in the history chain: what {@link #changedSince} counts from. */
    public long lastStatusChange() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(chain_seq) FROM status_change"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqlErrors.translate("look for changes", e);
        }
    }

    /**
     * The stories whose status changed after chain place {@code after}, on any workstation (the chain is extended
     * one link at a time, so no change commits behind one already seen).
     */
    public java.util.Set<Long> changedSince(long after) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT story_id FROM status_change WHERE chain_seq > ?")) {
            ps.setLong(1, after);
            java.util.Set<Long> out = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("look for changes", e);
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
