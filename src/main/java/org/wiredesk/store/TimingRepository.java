package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;

/**
 * Embargoes and schedules (ADR 17): written as history rows by the signed-in member (the database checks their
 * roles, and refuses any first publication while an embargo holds), read as what holds now. The latest row of each
 * kind holds; a schedule holds only while the story is approved, and only when it was set after its latest
 * approval.
 */
public final class TimingRepository {
    private static final String CURRENT = """
            SELECT t.story_id, t.kind, t.until_ms, t.chain_seq,
                   (SELECT MAX(a.chain_seq) FROM approval a WHERE a.story_id = t.story_id), s.status
            FROM story_timing t JOIN story s ON s.id = t.story_id
            WHERE s.status NOT IN ('PUBLISHED', 'KILLED')
              AND t.chain_seq = (SELECT MAX(m.chain_seq) FROM story_timing m
                                 WHERE m.story_id = t.story_id AND m.kind = t.kind)""";

    private final Database database;

    public TimingRepository(Database database) {
        this.database = database;
    }

    /** One change of a story's timing, as its history keeps it. */
    public record Change(Timing.Kind kind, Instant until, String reason, String actor, Instant at) {
    }

    /**
     * Sets (or, with a null {@code until}, lifts or cancels) the story's embargo or schedule, on the story the member
     * saw {@code seen}; refused by the store when the member's roles or the story's status do not allow it.
     */
    public void set(StoryId id, Status seen, Timing.Kind kind, Instant until, String reason, Instant at) {
        database.inTransaction((until == null ? "clear the " : "set the ") + kind.name().toLowerCase()
                + " of story " + id, c -> {
                    database.moves().timing(c, id, seen, kind, until, reason, at);
                    return null;
                });
    }

    /** What holds on one story now. */
    public Timing timing(StoryId id) {
        return current(" AND t.story_id = ?", id.value()).getOrDefault(id, Timing.NONE);
    }

    /**
     * What holds now on every story not yet run that has an embargo or a schedule (read on the desk's half-minute
     * timer: stories already run, whose timing no longer matters, are not read).
     */
    public Map<StoryId, Timing> current() {
        return current("", null);
    }

    /** The story's embargoes and schedules as they were set, oldest first. */
    public List<Change> history(StoryId id) {
        List<Change> out = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT kind, until_ms, reason, actor, at_ms FROM story_timing WHERE story_id = ?
                     ORDER BY chain_seq""")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long until = rs.getLong(2);
                    out.add(new Change(Timing.Kind.valueOf(rs.getString(1)), rs.wasNull() ? null
                            : Instant.ofEpochMilli(until), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the embargoes and schedules of story " + id, e);
        }
        return out;
    }

    private Map<StoryId, Timing> current(String filter, Long storyId) {
        Map<StoryId, Instant[]> found = new HashMap<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement(CURRENT + filter)) {
            if (storyId != null) {
                ps.setLong(1, storyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoryId id = new StoryId(rs.getLong(1));
                    long until = rs.getLong(3);
                    Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(until);
                    Instant[] pair = found.computeIfAbsent(id, k -> new Instant[2]);
                    if (Timing.Kind.valueOf(rs.getString(2)) == Timing.Kind.EMBARGO) {
                        pair[0] = at;
                    } else if (rs.getLong(4) > rs.getLong(5) && Status.APPROVED.name().equals(rs.getString(6))) {
                        // a schedule belongs to the approval before it, while the story stays approved
                        pair[1] = at;
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read embargoes and schedules", e);
        }
        Map<StoryId, Timing> out = new HashMap<>();
        found.forEach((id, pair) -> {
            if (pair[0] != null || pair[1] != null) {
                out.put(id, new Timing(pair[0], pair[1]));
            }
        });
        return out;
    }
}
