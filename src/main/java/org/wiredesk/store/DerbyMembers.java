package org.wiredesk.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.wiredesk.story.Role;

/** Members on Derby: NATIVE users, the desk's {@code user_role} rows, and privileges granted by name ({@link Grants}). */
final class DerbyMembers implements MemberAdmin {
    @Override
    public void create(Connection c, String member, char[] password, Set<Role> roles) throws SQLException {
        rolesAndGrants(c, member, roles);
        DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_CREATE_USER", member, new String(password));
    }

    /** A member's role rows and privileges (the owner's, in the caller's transaction). */
    static void rolesAndGrants(Connection c, String member, Set<Role> roles) throws SQLException {
        insertRoles(c, member, roles);
        Grants.set(c, member, null, roles);
    }

    @Override
    public void setRoles(Connection c, String member, Set<Role> before, Set<Role> after) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM user_role WHERE username = ?")) {
            del.setString(1, member);
            del.executeUpdate();
        }
        insertRoles(c, member, after);
        Grants.set(c, member, before, after);
    }

    @Override
    public void setPassword(Connection c, String member, char[] password, Set<Role> roles) throws SQLException {
        if (canSignIn(c).contains(member)) {
            DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_RESET_PASSWORD", member, new String(password));
        } else {
            DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_CREATE_USER", member, new String(password));
            // a disabled member had every privilege revoked: they come back with their roles' privileges
            Grants.set(c, member, null, roles);
        }
    }

    @Override
    public void changeOwnPassword(Connection c, char[] password) throws SQLException {
        try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_MODIFY_PASSWORD(?)")) {
            cs.setString(1, new String(password));
            cs.execute();
        }
    }

    @Override
    public void disable(Connection c, String member, Set<Role> roles) throws SQLException {
        Grants.revokeAll(c, member, roles);
        if (canSignIn(c).contains(member)) {
            DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_DROP_USER", member);
        }
    }

    /** The members with Derby credentials (Derby's user list is readable by the owner only). */
    @Override
    public Set<String> canSignIn(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        boolean owner = DerbyAdmin.ownerName(c).equals(c.getMetaData().getUserName().toLowerCase(Locale.ROOT));
        String sql = owner ? "SELECT username FROM SYS.SYSUSERS"
                : "SELECT username FROM app_user WHERE disabled_ms IS NULL";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static void insertRoles(Connection c, String member, Set<Role> roles) throws SQLException {
        try (PreparedStatement in = c.prepareStatement("INSERT INTO user_role (username, role) VALUES (?, ?)")) {
            for (Role role : roles) {
                in.setString(1, member);
                in.setString(2, role.name());
                in.addBatch();
            }
            in.executeBatch();
        }
    }
}
