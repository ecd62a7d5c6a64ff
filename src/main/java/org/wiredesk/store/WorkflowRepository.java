package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Body;
import org.wiredesk.story.Headline;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StyleOverride;
import org.wiredesk.story.ThreadEntry;

/**
 * The desk's work on stories: house headline drafts, status changes, approvals and publications, each written
 * with its history rows in one transaction, the engine's way ({@link Moves}). History rows are append-only and
 * chained, and the database refuses a move without its history or one the member's roles don't allow.
 */
public final class WorkflowRepository {
    private final Database database;

    public WorkflowRepository(Database database) {
        this.database = database;
    }

    /**
     * Sets the house headline and keeps the revision; moves the status too when {@code to} differs from
     * {@code expected}. Fails when someone else moved the story since it was read. The revision and any status
     * change are recorded first, as the signed-in member ({@code author} is ignored: the store records who is
     * signed in), and the database refuses the change without them.
     */
    public void saveHeadline(StoryId id, Status expected, Status to, Headline headline, String author, Instant at) {
        database.inTransaction("save the headline of story " + id, c -> {
            database.moves().headline(c, id, expected, to, headline, at);
            return null;
        });
    }

    /**
     * Submits a story: its headline revision when the member changed it ({@code revised}, else null) and the move,
     * in one transaction, so a submission refused because the story moved meanwhile keeps nothing.
     */
    public void submit(StoryId id, Status expected, Status to, Headline revised, String reason, Instant at) {
        submit(id, expected, to, revised, reason, null, at);
    }

    /**
     * Submits a story as above and, when it goes in over house style ({@code override} not null), keeps the
     * override as the next link after the move: the reason and the errors it overrode, in the same transaction, so
     * a submission is never kept without its override, nor an override without its submission.
     */
    public void submit(StoryId id, Status expected, Status to, Headline revised, String reason,
                       StyleOverride override, Instant at) {
        database.inTransaction("submit story " + id, c -> {
            if (revised != null) {
                database.moves().headline(c, id, expected, expected, revised, at);
            }
            database.moves().move(c, id, expected, to, reason, at, null);
            if (override != null) {
                database.moves().note(c, id, ThreadEntry.Kind.STYLE_OVERRIDE, override.reason(),
                        override.errorLines(), at);
            }
            return null;
        });
    }

    /** Moves a story from one status to another and records who (the signed-in member), when and why. */
    public void transition(StoryId id, Status expected, Status to, String actor, String reason, Instant at) {
        transition(id, expected, to, actor, reason, at, null);
    }

    /** Moves a story and records a publication event with it, atomically. */
    public void transition(StoryId id, Status expected, Status to, String actor, String reason, Instant at,
                           Publication publication) {
        database.inTransaction("move story " + id + " to " + to.label().toLowerCase(), c -> {
            database.moves().move(c, id, expected, to, reason, at, publication);
            return null;
        });
    }

    /**
     * Approves a submitted story: records what the approval covers (the headline that will run and the body's
     * fingerprints) and whether the approver approves their own work, then moves it to approved.
     */
    public void approve(StoryId id, Headline headline, Body body, boolean selfApproved, Instant at) {
        database.inTransaction("approve story " + id, c -> {
            database.moves().approve(c, id, headline, body, selfApproved, at);
            return null;
        });
    }

    /**
     * Corrects a published story's headline: the revision, the correction (with its reason) and its publication
     * record, and the new headline, in one transaction.
     */
    public void correct(StoryId id, Headline headline, String reason, Instant at, Publication publication) {
        database.inTransaction("correct story " + id, c -> {
            database.moves().correct(c, id, headline, reason, at, publication);
            return null;
        });
    }

    /** What a story's latest approval covered, if it has one. */
    public Optional<Approval> latestApproval(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT headline, body_sha256, body_html_sha256, actor, self_approved, at_ms FROM approval
                WHERE story_id = ? ORDER BY chain_seq DESC FETCH FIRST 1 ROWS ONLY""")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Approval(id, new Headline(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5) == 1, Instant.ofEpochMilli(rs.getLong(6))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the approval of story " + id, e);
        }
    }

    /**
     * Who wrote the story's current house headline (its latest revision) and who last submitted it: the members
     * four eyes keeps from approving it.
     */
    public Set<String> authorsOf(StoryId id) {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = database.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT author FROM headline_draft WHERE story_id = ?
                    ORDER BY chain_seq DESC FETCH FIRST 1 ROWS ONLY""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT actor FROM status_change WHERE story_id = ? AND to_status = 'SUBMITTED'
                    ORDER BY chain_seq DESC FETCH FIRST 1 ROWS ONLY""")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read who worked on story " + id, e);
        }
    }

    public List<HeadlineDraft> drafts(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, headline, author, created_ms FROM headline_draft WHERE story_id = ? ORDER BY chain_seq")) {
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
                FROM status_change WHERE story_id = ? ORDER BY chain_seq""")) {
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
        return publications("", ps -> ps.setLong(1, id.value()), "AND story_id = ? ORDER BY chain_seq");
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Publication> publications(String fetch, Binder binder, String filterAndOrder) {
        String sql = "SELECT id, story_id, kind, headline, body_sha256, actor, at_ms, location, note, signature "
                + "FROM publication WHERE 1 = 1 " + filterAndOrder + " " + fetch;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Publication> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Publication(rs.getLong(1), new StoryId(rs.getLong(2)),
                            Publication.Kind.valueOf(rs.getString(3)), new Headline(rs.getString(4)),
                            rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read publications", e);
        }
    }
}
