package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wiredesk.story.Headline;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;

/**
 * The desk's work on stories: house headline drafts, status changes and publications, each written together
 * with its history row in one transaction. History rows are append-only (the database refuses edits).
 */
public final class WorkflowRepository {
    private final Database database;

    public WorkflowRepository(Database database) {
        this.database = database;
    }

    /**
     * Sets the house headline and keeps the revision; moves the status too when {@code to} differs from
     * {@code expected}. Fails when someone else moved the story since it was read.
     */
    public void saveHeadline(StoryId id, Status expected, Status to, Headline headline, String author, Instant at) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE story SET house_headline = ?, status = ?, updated_ms = ?
                        WHERE id = ? AND status = ?""")) {
                    ps.setString(1, headline.text());
                    ps.setString(2, to.name());
                    ps.setLong(3, at.toEpochMilli());
                    ps.setLong(4, id.value());
                    ps.setString(5, expected.name());
                    requireOneRow(ps.executeUpdate(), id, expected);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO headline_draft (story_id, headline, author, created_ms, id) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id.value());
                    ps.setString(2, headline.text());
                    ps.setString(3, author);
                    ps.setLong(4, at.toEpochMilli());
                    ps.setLong(5, StoryRepository.nextId(c, "headline_draft_seq"));
                    ps.executeUpdate();
                }
                if (expected != to) {
                    recordChange(c, id, expected, to, author, null, at);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("save the headline of story " + id, e);
        }
    }

    /** Moves a story from one status to another and records who, when and why. */
    public void transition(StoryId id, Status expected, Status to, String actor, String reason, Instant at) {
        transition(id, expected, to, actor, reason, at, null);
    }

    /** Moves a story and records a publication event with it, atomically. */
    public void transition(StoryId id, Status expected, Status to, String actor, String reason, Instant at,
                           Publication publication) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE story SET status = ?, updated_ms = ? WHERE id = ? AND status = ?")) {
                    ps.setString(1, to.name());
                    ps.setLong(2, at.toEpochMilli());
                    ps.setLong(3, id.value());
                    ps.setString(4, expected.name());
                    requireOneRow(ps.executeUpdate(), id, expected);
                }
                recordChange(c, id, expected, to, actor, reason, at);
                if (publication != null) {
                    insertPublication(c, publication);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("move story " + id + " to " + to.label().toLowerCase(), e);
        }
    }

    public List<HeadlineDraft> drafts(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, headline, author, created_ms FROM headline_draft WHERE story_id = ? ORDER BY id")) {
            ps.setLong(1, id.value());
            List<HeadlineDraft> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HeadlineDraft(rs.getLong(1), id, new Headline(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the headline history of story " + id, e);
        }
    }

    public List<StatusChange> changes(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, from_status, to_status, actor, at_ms, reason
                FROM status_change WHERE story_id = ? ORDER BY id""")) {
            ps.setLong(1, id.value());
            List<StatusChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(2);
                    out.add(new StatusChange(rs.getLong(1), id, from == null ? null : Status.valueOf(from),
                            Status.valueOf(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the history of story " + id, e);
        }
    }

    /** The latest publication events, newest first. */
    public List<Publication> recentPublications(int limit) {
        return publications("FETCH FIRST ? ROWS ONLY", ps -> ps.setInt(1, limit), "ORDER BY at_ms DESC, id DESC");
    }

    public List<Publication> publications(StoryId id) {
        return publications("", ps -> ps.setLong(1, id.value()), "AND story_id = ? ORDER BY id");
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Publication> publications(String fetch, Binder binder, String filterAndOrder) {
        String sql = "SELECT id, story_id, kind, headline, body_sha256, actor, at_ms, location, note "
                + "FROM publication WHERE 1 = 1 " + filterAndOrder + " " + fetch;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Publication> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Publication(rs.getLong(1), new StoryId(rs.getLong(2)),
                            Publication.Kind.valueOf(rs.getString(3)), new Headline(rs.getString(4)),
                            rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read publications", e);
        }
    }

    static void recordChange(Connection c, StoryId id, Status from, Status to, String actor, String reason,
                             Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO status_change (story_id, from_status, to_status, actor, reason, at_ms, id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id.value());
            StoryRepository.setNullable(ps, 2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setString(4, actor);
            StoryRepository.setNullable(ps, 5, reason == null ? null : StoryRepository.truncate(reason, 2000));
            ps.setLong(6, at.toEpochMilli());
            ps.setLong(7, StoryRepository.nextId(c, "status_change_seq"));
            ps.executeUpdate();
        }
    }

    private static void insertPublication(Connection c, Publication p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO publication (story_id, kind, headline, body_sha256, actor, at_ms, location, note, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, p.storyId().value());
            ps.setString(2, p.kind().name());
            ps.setString(3, p.headline().text());
            ps.setString(4, p.bodySha256());
            ps.setString(5, p.actor());
            ps.setLong(6, p.at().toEpochMilli());
            StoryRepository.setNullable(ps, 7, p.location());
            StoryRepository.setNullable(ps, 8, p.note());
            ps.setLong(9, StoryRepository.nextId(c, "publication_seq"));
            ps.executeUpdate();
        }
    }

    private static void requireOneRow(int updated, StoryId id, Status expected) {
        if (updated != 1) {
            throw new ConcurrentChangeException("Story " + id + " is no longer " + expected.label().toLowerCase()
                    + ": someone else changed it. Reload and try again.");
        }
    }
}
