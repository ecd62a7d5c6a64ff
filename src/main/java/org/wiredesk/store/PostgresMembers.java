package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.postgresql.PGConnection;
import org.wiredesk.story.Role;

/**
 * Members on PostgreSQL: each is a login role with a SCRAM-SHA-256 password (hashed here by the driver, so the
 * password itself never reaches the server or its logs), holding the desk's group roles ({@code wd_editor},
 * {@code wd_copy_editor}, {@code wd_desk_chief}). The owner manages them: a role that may create roles.
 */
final class PostgresMembers implements MemberAdmin {
    private static final String DUPLICATE_ROLE = "42710";

    /** The group role that carries a desk role's privileges. */
    static String group(Role role) {
        return "wd_" + role.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void create(Connection c, String member, char[] password, Set<Role> roles) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + quoted(member) + " LOGIN");
        } catch (SQLException e) {
            if (SqlErrors.hasState(e, DUPLICATE_ROLE)) {
                throw new StoreException("There is already a role " + member + " on this PostgreSQL server (roles "
                        + "are the server's, not one database's): choose another name for this member");
            }
            throw e;
        }
        setPasswordOnly(c, member, password);
        setRoles(c, member, EnumSet.noneOf(Role.class), roles);
    }

    @Override
    public void setRoles(Connection c, String member, Set<Role> before, Set<Role> after) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Role role : Role.values()) {
                if (after.contains(role)) {
                    st.execute("GRANT " + group(role) + " TO " + quoted(member));
                } else {
                    st.execute("REVOKE " + group(role) + " FROM " + quoted(member));
                }
            }
        }
    }

    @Override
    public void setPassword(Connection c, String member, char[] password, Set<Role> roles) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + quoted(member) + " LOGIN");
        }
        setPasswordOnly(c, member, password);
        setRoles(c, member, EnumSet.noneOf(Role.class), roles);
        keepRoles(c, member, null);
    }

    @Override
    public void changeOwnPassword(Connection c, char[] password) throws SQLException {
        String self;
        try (PreparedStatement ps = c.prepareStatement("SELECT session_user"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            self = rs.getString(1);
        }
        setPasswordOnly(c, self, password);
    }

    @Override
    public void disable(Connection c, String member, Set<Role> roles) throws SQLException {
        keepRoles(c, member, roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",")));
        setRoles(c, member, roles, EnumSet.noneOf(Role.class));
        try (Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + quoted(member) + " NOLOGIN");
        }
    }

    @Override
    public Set<String> canSignIn(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.username FROM app_user u JOIN pg_roles r ON r.rolname = u.username
                WHERE r.rolcanlogin AND u.disabled_ms IS NULL""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A disabled member's roles, kept for when they come back (null: none kept). */
    private static void keepRoles(Connection c, String member, String roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET disabled_roles = ? WHERE username = ?")) {
            ps.setString(1, roles);
            ps.setString(2, member);
            ps.executeUpdate();
        }
    }

    private static void setPasswordOnly(Connection c, String member, char[] password) throws SQLException {
        c.unwrap(PGConnection.class).alterUserPassword(member, password, "scram-sha-256");
    }

    /** A member's name as an identifier: names are checked by {@link Credentials#canonical}, quoted all the same. */
    static String quoted(String member) {
        return "\"" + Credentials.canonical(member).replace("\"", "\"\"") + "\"";
    }
}
