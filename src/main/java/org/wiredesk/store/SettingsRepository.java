package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The desk's own settings kept in the store, so every workstation sharing it agrees. */
public final class SettingsRepository {
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> get(String name) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT value FROM desk_setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read setting " + name, e);
        }
    }

    /** Saves one setting. */
    public void put(String name, String value) {
        putAll(java.util.Map.of(name, value));
    }

    /** Saves these settings in one transaction: all of them, or (on a refusal) none. */
    public void putAll(java.util.Map<String, String> values) {
        database.inTransaction("save the settings " + String.join(", ", values.keySet()), c -> {
            for (java.util.Map.Entry<String, String> e : values.entrySet()) {
                put(c, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    private static void put(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE desk_setting SET value = ? WHERE name = ?")) {
            up.setString(1, value);
            up.setString(2, name);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO desk_setting (name, value) VALUES (?, ?)")) {
            in.setString(1, name);
            in.setString(2, value);
            in.executeUpdate();
        }
    }
}
