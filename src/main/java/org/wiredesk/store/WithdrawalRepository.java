package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.StoryId;

/**
 * What the sources withdrew of the stories the desk ran ({@code source_withdrawal}): noted once per story and kind
 * of observation, by an editor or a desk chief, on a published story only (the database refuses anything else, and
 * every change or removal of a note). Read for the Published view, the desk chiefs' alerts and the command line.
 */
public final class WithdrawalRepository {
    private static final String COLUMNS = "w.id, w.story_id, w.how, w.detail, w.noted_by, w.at_ms";

    private final Database database;

    public WithdrawalRepository(Database database) {
        this.database = database;
    }

    /** A note as stored: its id orders notes as they were made. */
    public record Noted(long id, SourceWithdrawal withdrawal) {
    }

    /** A published story whose source is a web page: what a re-check asks about. */
    public record OnTheWeb(StoryId id, String url) {
    }

    /**
     * Notes that the source withdrew a published story, as the signed-in member. True when noted; false when the
     * same observation of the story is on record already (a re-check sees a gone page again and again).
     */
    public boolean note(StoryId story, SourceWithdrawal.How how, String detail, Instant at) {
        String text = StoryRepository.truncate(detail.strip(), 1000);
        return database.inTransaction("note that the source withdrew story " + story, c -> database.isPostgres()
                ? noteOnPostgres(c, story, how, text) : noteOnDerby(c, story, how, text, at));
    }

    private static boolean noteOnPostgres(Connection c, StoryId story, SourceWithdrawal.How how, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT note_withdrawal(?, ?, ?)")) {
            ps.setLong(1, story.value());
            ps.setString(2, how.name());
            ps.setString(3, detail);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    // this process's writers take turns on Derby (inTransaction), so nothing notes the same between check and insert
    private boolean noteOnDerby(Connection c, StoryId story, SourceWithdrawal.How how, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM source_withdrawal WHERE story_id = ? AND how = ?")) {
            ps.setLong(1, story.value());
            ps.setString(2, how.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_withdrawal (id, story_id, how, detail, "
                + "noted_by, at_ms) VALUES (?, ?, ?, ?, " + database.signedInMember() + ", ?)")) {
            ps.setLong(1, database.nextId(c, "source_withdrawal_seq"));
            ps.setLong(2, story.value());
            ps.setString(3, how.name());
            ps.setString(4, detail);
            ps.setLong(5, at.toEpochMilli());
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * The published stories whose source is a web address and which no re-check has found gone yet, newest first:
     * what the next re-check asks about.
     */
    public List<OnTheWeb> toRecheck() {
        List<OnTheWeb> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.url FROM story s
                WHERE s.status = 'PUBLISHED' AND (LOWER(s.url) LIKE 'http://%' OR LOWER(s.url) LIKE 'https://%')
                  AND NOT EXISTS (SELECT 1 FROM source_withdrawal w
                                  WHERE w.story_id = s.id AND w.how IN ('GONE_404', 'GONE_410'))
                ORDER BY s.id DESC""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new OnTheWeb(new StoryId(rs.getLong(1)), rs.getString(2)));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list the published stories to check at their sources", e);
        }
    }

    /**
     * The published story that came from this source under this guid or address (an item's keys, as ingest
     * stored them), if any. A feed speaks only for its own items.
     */
    public Optional<StoryId> publishedFrom(long sourceId, String key) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.id FROM story_key k JOIN story s ON s.id = k.story_id
                WHERE k.key_hash IN (?, ?) AND s.source_id = ? AND s.status = 'PUBLISHED'""")) {
            // keys are scoped by their source since V013 (ADR 27); a story stored before has them bare
            ps.setString(1, StoryRepository.dedupHash("source:" + sourceId + "|" + key));
            ps.setString(2, StoryRepository.dedupHash(key));
            ps.setLong(3, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoryId(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("look up a withdrawn item", e);
        }
    }

    /** Every note on stories that are published or were killed, oldest first. */
    public List<Noted> onPublishedStories() {
        return read("""
                SELECT %s FROM source_withdrawal w JOIN story s ON s.id = w.story_id
                WHERE s.status IN ('PUBLISHED', 'KILLED') ORDER BY w.id""".formatted(COLUMNS), -1);
    }

    /** The notes made after the one with this id (0: all), oldest first. */
    public List<Noted> after(long id) {
        return read("SELECT %s FROM source_withdrawal w WHERE w.id > ? ORDER BY w.id".formatted(COLUMNS), id);
    }

    /** The id of the latest note, 0 when there is none: where {@link #after(long)} starts. */
    public long latest() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(id), 0) FROM source_withdrawal"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw SqlErrors.translate("look for withdrawn stories", e);
        }
    }

    private List<Noted> read(String sql, long after) {
        List<Noted> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (after >= 0) {
                ps.setLong(1, after);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Noted(rs.getLong(1), new SourceWithdrawal(new StoryId(rs.getLong(2)),
                            SourceWithdrawal.How.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read what the sources withdrew", e);
        }
    }
}
