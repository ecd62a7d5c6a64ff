package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiredesk.story.Source;
import org.wiredesk.story.SourceHealth;

/** The desk's sources and their polling state (validators for conditional GET, failures, next poll). */
public final class SourceRepository {
    private static final String COLUMNS = "id, name, address, kind, poll_seconds, credit, enabled";

    private final Database database;

    public SourceRepository(Database database) {
        this.database = database;
    }

    /** A source with what conditional GET needs. */
    public record Polling(Source source, String etag, String lastModified, int failures) {
    }

    public List<Source> all() {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM source ORDER BY name, id");
             ResultSet rs = ps.executeQuery()) {
            List<Source> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list sources", e);
        }
    }

    public Optional<Source> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Enabled sources whose next poll is due. */
    public List<Polling> due(Instant now) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", etag, last_modified, failures FROM source WHERE enabled = 1 AND next_poll_ms <= ? ORDER BY next_poll_ms")) {
            ps.setLong(1, now.toEpochMilli());
            List<Polling> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Polling(row(rs), rs.getString("etag"), rs.getString("last_modified"),
                            rs.getInt("failures")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list sources due", e);
        }
    }

    /** Adds a source, or changes one (by id); a changed address forgets the old validators. Returns the id. */
    public long save(Source s) {
        try (Connection c = database.connect()) {
            if (s.id() == 0) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO source (name, address, kind, poll_seconds, credit, enabled)
                        VALUES (?, ?, ?, ?, ?, ?)""", database.idColumn())) {
                    bind(ps, s);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE source SET name = ?, address = ?, kind = ?, poll_seconds = ?, credit = ?, enabled = ?,
                        etag = CASE WHEN address = ? THEN etag ELSE NULL END,
                        last_modified = CASE WHEN address = ? THEN last_modified ELSE NULL END
                    WHERE id = ?""")) {
                bind(ps, s);
                ps.setString(7, s.address());
                ps.setString(8, s.address());
                ps.setLong(9, s.id());
                ps.executeUpdate();
                return s.id();
            }
        } catch (SQLException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw new StoreException("There is already a source at " + s.address(), e);
            }
            throw SqlErrors.translate("save source " + s.name(), e);
        }
    }

    public void delete(long id) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM source WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("delete source " + id, e);
        }
    }

    public void recordSuccess(long id, String etag, String lastModified, Instant at, Instant next) {
        update(id, """
                UPDATE source SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                    last_success_ms = ?, failures = 0, next_poll_ms = ? WHERE id = ?""", ps -> {
            setNullable(ps, 1, etag);
            setNullable(ps, 2, lastModified);
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, next.toEpochMilli());
            ps.setLong(5, id);
        });
    }

    public void recordFailure(long id, String error, Instant at, Instant next) {
        update(id, """
                UPDATE source SET last_error = ?, last_error_ms = ?, failures = failures + 1, next_poll_ms = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, StoryRepository.truncate(error, 2000));
            ps.setLong(2, at.toEpochMilli());
            ps.setLong(3, next.toEpochMilli());
            ps.setLong(4, id);
        });
    }

    /** Makes a source due now (the desk asked for a poll). */
    public void pollNow(long id) {
        update(id, "UPDATE source SET next_poll_ms = 0 WHERE id = ?", ps -> ps.setLong(1, id));
    }

    /** Health of every source, with the stories each brought in since {@code since}. */
    public Map<Long, SourceHealth> health(Instant since) {
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, SourceHealth> out = new HashMap<>();
        try (Connection c = database.connect()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source_id, COUNT(*) FROM story WHERE source_id IS NOT NULL AND received_ms >= ? GROUP BY source_id")) {
                ps.setLong(1, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, last_success_ms, last_error, last_error_ms, failures, next_poll_ms FROM source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.put(id, new SourceHealth(instant(rs, 2), rs.getString(3), instant(rs, 4), rs.getInt(5),
                            instant(rs, 6), counts.getOrDefault(id, 0)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read source health", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(long id, String sql, Binder binder) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("update source " + id, e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    private static void bind(PreparedStatement ps, Source s) throws SQLException {
        ps.setString(1, s.name());
        ps.setString(2, s.address());
        ps.setString(3, s.kind().name());
        ps.setInt(4, (int) s.pollInterval().toSeconds());
        setNullable(ps, 5, s.credit());
        ps.setShort(6, (short) (s.enabled() ? 1 : 0));
    }

    private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static Source row(ResultSet rs) throws SQLException {
        return new Source(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                Source.Kind.valueOf(rs.getString("kind")), Duration.ofSeconds(rs.getInt("poll_seconds")),
                rs.getString("credit"), rs.getShort("enabled") == 1);
    }
}
