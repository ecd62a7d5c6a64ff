package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.story.Role;
import org.wiredesk.story.User;

/** Desk members and their roles. */
public final class UserRepository {
    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
    }

    public Optional<User> find(String username) {
        return all().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public List<User> all() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT u.username, u.display_name, r.role
                     FROM app_user u LEFT JOIN user_role r ON r.username = u.username
                     ORDER BY u.username""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String username = rs.getString(1);
                names.put(username, rs.getString(2));
                Set<Role> set = roles.computeIfAbsent(username, k -> EnumSet.noneOf(Role.class));
                if (rs.getString(3) != null) {
                    set.add(Role.valueOf(rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read users", e);
        }
        List<User> out = new ArrayList<>();
        names.forEach((username, display) -> out.add(new User(username, display, roles.get(username))));
        return out;
    }

    /** Creates or replaces a user and their roles. */
    public void save(User user) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement up = c.prepareStatement(
                        "UPDATE app_user SET display_name = ? WHERE username = ?")) {
                    up.setString(1, user.displayName());
                    up.setString(2, user.username());
                    if (up.executeUpdate() == 0) {
                        try (PreparedStatement in = c.prepareStatement(
                                "INSERT INTO app_user (username, display_name, created_ms) VALUES (?, ?, ?)")) {
                            in.setString(1, user.username());
                            in.setString(2, user.displayName());
                            in.setLong(3, Instant.now().toEpochMilli());
                            in.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM user_role WHERE username = ?")) {
                    del.setString(1, user.username());
                    del.executeUpdate();
                }
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO user_role (username, role) VALUES (?, ?)")) {
                    for (Role role : user.roles()) {
                        in.setString(1, user.username());
                        in.setString(2, role.name());
                        in.addBatch();
                    }
                    in.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("save user " + user.username(), e);
        }
    }

    /**
     * Signs a desk member in: their stored account, or, on a fresh store with no users yet, a new account
     * with every role, so a single-user desk just works. On a store with users, a stranger gets no roles.
     */
    public User signIn(String username) {
        Optional<User> existing = find(username);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (all().isEmpty()) {
            User local = new User(username, username, EnumSet.allOf(Role.class));
            save(local);
            return local;
        }
        return new User(username, username, Set.of());
    }
}
