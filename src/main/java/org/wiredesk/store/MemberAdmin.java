package org.wiredesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.wiredesk.story.Role;

/**
 * The engine's part of managing members, inside the owner's transaction: credentials (Derby's users, PostgreSQL's
 * login roles) and the privileges that come with roles. {@link UserRepository} keeps the desk's own rows.
 */
interface MemberAdmin {
    /** Gives a new member credentials and their roles' privileges. */
    void create(Connection c, String member, char[] password, Set<Role> roles) throws SQLException;

    /** Changes a member's roles. */
    void setRoles(Connection c, String member, Set<Role> before, Set<Role> after) throws SQLException;

    /** Sets a member's password and lets them sign in again with their roles' privileges. */
    void setPassword(Connection c, String member, char[] password, Set<Role> roles) throws SQLException;

    /** The signed-in member's own new password. */
    void changeOwnPassword(Connection c, char[] password) throws SQLException;

    /** Takes a member's credentials and privileges away; their rows and history stay. */
    void disable(Connection c, String member, Set<Role> roles) throws SQLException;

    /** The members who can sign in now. */
    Set<String> canSignIn(Connection c) throws SQLException;
}
