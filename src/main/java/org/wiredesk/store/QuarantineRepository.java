package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiredesk.story.QuarantineEntry;

/** Input that could not be ingested, kept whole with its reason. */
public final class QuarantineRepository {
    private final Database database;

    public QuarantineRepository(Database database) {
        this.database = database;
    }

    /** Whether the quarantine is a shared desk's (its rows come from every workstation). */
    public boolean isShared() {
        return database.isPostgres();
    }

    public long add(String origin, String reason, byte[] content, Instant at) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quarantine (origin, reason, content, received_ms) VALUES (?, ?, ?, ?)",
                database.idColumn())) {
            ps.setString(1, StoryRepository.truncate(origin, 4000));
            ps.setString(2, StoryRepository.truncate(reason, 2000));
            if (content == null) {
                ps.setNull(3, database.bytesType());
            } else {
                ps.setBytes(3, content);
            }
            ps.setLong(4, at.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("keep rejected input from " + origin, e);
        }
    }

    /** Entries not yet retried, newest first. */
    public List<QuarantineEntry> open() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, origin, reason, received_ms, COALESCE(LENGTH(content), 0)
                FROM quarantine WHERE retried_ms IS NULL ORDER BY received_ms DESC, id DESC""");
             ResultSet rs = ps.executeQuery()) {
            List<QuarantineEntry> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new QuarantineEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), (int) rs.getLong(5)));
            }
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("list quarantined input", e);
        }
    }

    public Optional<byte[]> content(long id) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT content FROM quarantine WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read quarantined input " + id, e);
        }
    }

    public void markRetried(long id, Instant at) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE quarantine SET retried_ms = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.translate("mark quarantined input " + id + " retried", e);
        }
    }
}
