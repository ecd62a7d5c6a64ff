package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiredesk.story.Claim;
import org.wiredesk.story.StoryId;

/** Autosaved headlines and claims: what the editor keeps while someone works on a story. */
public final class EditingRepository {
    private final Database database;

    public EditingRepository(Database database) {
        this.database = database;
    }

    /** A headline as last typed, and when. */
    public record Autosave(String headline, Instant saved) {
    }

    public void autosave(StoryId id, String username, String headline, Instant at) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE headline_autosave SET headline = ?, saved_ms = ? WHERE story_id = ? AND username = ?")) {
                    ps.setString(1, headline);
                    ps.setLong(2, at.toEpochMilli());
                    ps.setLong(3, id.value());
                    ps.setString(4, username);
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO headline_autosave (story_id, username, headline, saved_ms) VALUES (?, ?, ?, ?)")) {
                        ps.setLong(1, id.value());
                        ps.setString(2, username);
                        ps.setString(3, headline);
                        ps.setLong(4, at.toEpochMilli());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE story_claim SET active_ms = ? WHERE story_id = ? AND username = ?")) {
                    ps.setLong(1, at.toEpochMilli());
                    ps.setLong(2, id.value());
                    ps.setString(3, username);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("autosave the headline of story " + id, e);
        }
    }

    public Optional<Autosave> autosaved(StoryId id, String username) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT headline, saved_ms FROM headline_autosave WHERE story_id = ? AND username = ?")) {
            ps.setLong(1, id.value());
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Autosave(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the autosaved headline of story " + id, e);
        }
    }

    public void clearAutosave(StoryId id, String username) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM headline_autosave WHERE story_id = ? AND username = ?")) {
            ps.setLong(1, id.value());
            ps.setString(2, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("clear the autosaved headline of story " + id, e);
        }
    }

    /** Keeps a headline candidate (once per story and text). */
    public void addCandidate(StoryId id, String headline, String author, Instant at) {
        try (Connection c = database.connect()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM headline_candidate WHERE story_id = ? AND headline = ?")) {
                ps.setLong(1, id.value());
                ps.setString(2, headline);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO headline_candidate "
                    + "(id, story_id, headline, author, created_ms) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, database.nextId(c, "headline_candidate_seq"));
                ps.setLong(2, id.value());
                ps.setString(3, headline);
                ps.setString(4, author);
                ps.setLong(5, at.toEpochMilli());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("keep a headline candidate for story " + id, e);
        }
    }

    /** The candidates kept for a story, oldest first. */
    public List<String> candidates(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT headline FROM headline_candidate WHERE story_id = ? ORDER BY id")) {
            ps.setLong(1, id.value());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the headline candidates of story " + id, e);
        }
    }

    public Optional<Claim> claim(StoryId id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT username, since_ms, active_ms FROM story_claim WHERE story_id = ?")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Claim(id, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read the claim on story " + id, e);
        }
    }

    /**
     * Claims a story for {@code username}: succeeds when it is free, already theirs, or held by {@code takeOverFrom}
     * (a stale claim a desk chief takes over). Atomic: two desks claiming at once cannot both win.
     */
    public boolean claim(StoryId id, String username, Instant at, String takeOverFrom) {
        try (Connection c = database.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE story_claim SET username = ?, since_ms = CASE WHEN username = ? THEN since_ms ELSE ? END,
                        active_ms = ?
                    WHERE story_id = ? AND (username = ? OR username = ?)""")) {
                ps.setString(1, username);
                ps.setString(2, username);
                ps.setLong(3, at.toEpochMilli());
                ps.setLong(4, at.toEpochMilli());
                ps.setLong(5, id.value());
                ps.setString(6, username);
                ps.setString(7, takeOverFrom == null ? username : takeOverFrom);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO story_claim (story_id, username, since_ms, active_ms) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, id.value());
                ps.setString(2, username);
                ps.setLong(3, at.toEpochMilli());
                ps.setLong(4, at.toEpochMilli());
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("claim story " + id, e);
        }
    }

    public void release(StoryId id, String username) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM story_claim WHERE story_id = ? AND username = ?")) {
            ps.setLong(1, id.value());
            ps.setString(2, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("release story " + id, e);
        }
    }
}
