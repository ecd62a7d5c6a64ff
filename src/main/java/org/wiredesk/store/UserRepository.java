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

/**
 * Desk members: their names, roles and store credentials. Only the store's owner manages members; the database
 * itself refuses anyone else (members hold no privilege on these tables or on Derby's user procedures).
 */
public final class UserRepository {
    private final Database database;

    public UserRepository(Database database) {
        this.database = database;
    }

    /** A member as listed: whether they are disabled, and whether they can sign in yet. */
    public record Member(User user, boolean disabled, boolean canSignIn, boolean owner) {
    }

    public Optional<User> find(String username) {
        return members().stream().map(Member::user).filter(u -> u.username().equals(username)).findFirst();
    }

    /** The members who are not disabled. */
    public List<User> all() {
        return members().stream().filter(m -> !m.disabled()).map(Member::user).toList();
    }

    /** Every member, disabled ones too, in name order. */
    public List<Member> members() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        Map<String, Boolean> disabled = new LinkedHashMap<>();
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT u.username, u.display_name, r.role, u.disabled_ms
                     FROM app_user u LEFT JOIN user_role r ON r.username = u.username
                     ORDER BY u.username""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String username = rs.getString(1);
                names.put(username, rs.getString(2));
                disabled.put(username, rs.getObject(4) != null);
                Set<Role> set = roles.computeIfAbsent(username, k -> EnumSet.noneOf(Role.class));
                if (rs.getString(3) != null) {
                    set.add(Role.valueOf(rs.getString(3)));
                }
            }
            Set<String> credentials = database.memberAdmin().canSignIn(c);
            String owner = database.ownerName(c);
            List<Member> out = new ArrayList<>();
            names.forEach((username, display) -> out.add(new Member(new User(username, display, roles.get(username)),
                    disabled.get(username), credentials.contains(username), username.equals(owner))));
            return out;
        } catch (SQLException e) {
            throw SqlErrors.translate("read the desk's members", e);
        }
    }

    /** The signed-in member, as the store knows them. */
    public User current() {
        return find(database.member()).orElseThrow(() -> new StoreException(database.member()
                + " can sign in to the store but is not a member of the desk: ask the owner to add them"));
    }

    /** Whether the signed-in member owns the store. */
    public boolean signedInAsOwner() {
        try (Connection c = database.connect()) {
            return database.isOwner(c);
        } catch (SQLException e) {
            throw SqlErrors.translate("check who owns the store", e);
        }
    }

    /** Adds a member with their first password (the owner only). */
    public void add(String name, String displayName, Set<Role> roles, char[] password) {
        String member = Credentials.canonical(name);
        requirePassword(password);
        inOwnerTransaction("add member " + member, c -> {
            insertRow(c, member, displayName, Instant.now());
            database.memberAdmin().create(c, member, password, roles);
        });
    }

    /** Changes a member's roles and, when {@code displayName} is not null, their display name (the owner only). */
    public void set(String name, String displayName, Set<Role> roles) {
        String member = Credentials.canonical(name);
        User before = find(member).orElseThrow(() -> new StoreException("There is no member " + member));
        inOwnerTransaction("change member " + member, c -> {
            if (displayName != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET display_name = ? WHERE username = ?")) {
                    ps.setString(1, displayName.isBlank() ? member : displayName.strip());
                    ps.setString(2, member);
                    ps.executeUpdate();
                }
            }
            if (roles != null) {
                database.memberAdmin().setRoles(c, member, before.roles(), roles);
            }
        });
    }

    /** Sets a member's password (the owner only): their first one after an upgrade, or a reset. */
    public void setPassword(String name, char[] password) {
        String member = Credentials.canonical(name);
        requirePassword(password);
        User before = find(member).orElseThrow(() -> new StoreException("There is no member " + member));
        inOwnerTransaction("set the password of " + member, c -> {
            database.memberAdmin().setPassword(c, member, password, before.roles());
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET disabled_ms = NULL WHERE username = ?")) {
                ps.setString(1, member);
                ps.executeUpdate();
            }
        });
    }

    /** Changes the signed-in member's own password. */
    public void changeOwnPassword(char[] password) {
        requirePassword(password);
        try (Connection c = database.connect()) {
            database.memberAdmin().changeOwnPassword(c, password);
        } catch (SQLException e) {
            throw SqlErrors.translate("change your password", e);
        }
    }

    /** Disables a member: their credentials are dropped and their privileges revoked; their history stays. */
    public void disable(String name) {
        String member = Credentials.canonical(name);
        User before = find(member).orElseThrow(() -> new StoreException("There is no member " + member));
        inOwnerTransaction("disable member " + member, c -> {
            if (member.equals(database.ownerName(c))) {
                throw new StoreException("The owner cannot be disabled");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET disabled_ms = ? WHERE username = ?")) {
                ps.setLong(1, Instant.now().toEpochMilli());
                ps.setString(2, member);
                ps.executeUpdate();
            }
            database.memberAdmin().disable(c, member, before.roles());
        });
    }

    /**
     * Inserts a member row, their roles and their privileges, without credentials, on Derby (as the owner, in the
     * caller's transaction): the owner when a store is made, members when an earlier store is upgraded.
     */
    static void insertMember(Connection c, String member, String displayName, Set<Role> roles, Instant at)
            throws SQLException {
        insertRow(c, member, displayName, at);
        DerbyMembers.rolesAndGrants(c, member, roles);
    }

    /** The desk's row for a member. */
    static void insertRow(Connection c, String member, String displayName, Instant at) throws SQLException {
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO app_user (username, display_name, created_ms) VALUES (?, ?, ?)")) {
            in.setString(1, member);
            in.setString(2, displayName == null || displayName.isBlank() ? member : displayName.strip());
            in.setLong(3, at.toEpochMilli());
            in.executeUpdate();
        } catch (SQLException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw new StoreException("There is already a member " + member);
            }
            throw e;
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inOwnerTransaction(String doing, Work work) {
        try (Connection c = database.connect()) {
            if (!database.isOwner(c)) {
                throw new StoreException("Only the store's owner manages members");
            }
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(doing, e);
        }
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length < 8) {
            throw new StoreException("A password needs at least 8 characters");
        }
    }
}
