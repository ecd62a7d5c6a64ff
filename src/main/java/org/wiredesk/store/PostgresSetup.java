package org.wiredesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.wiredesk.story.Role;

/**
 * Making a desk on PostgreSQL: in an empty database that the server's administrator created, owned by the desk's
 * owner (a login role that may create roles), installs the desk's schema and group roles, makes the owner a member
 * with every role, sets the desk's policy and its first signing key, and keeps everyone else off the database but
 * the desk's members. The rest of the server is the administrator's (docs/shared-desk.md).
 */
public final class PostgresSetup {
    private PostgresSetup() {
    }

    /** Makes the database a desk owned by the signed-in member, and opens it. */
    public static Database create(Database place, String ownerDisplayName, boolean onePersonDesk) {
        if (!place.isPostgres()) {
            throw new IllegalArgumentException("not a PostgreSQL store: " + place.description());
        }
        SchemaMigrator migrator = SchemaMigrator.postgres();
        try (Connection c = place.connect()) {
            if (migrator.version(c) > 0) {
                throw new StoreException("The database at " + place.description() + " is a desk already: sign in");
            }
            requireOwnerMayMakeTheDesk(c, place);
            migrator.migrate(c);
            c.setAutoCommit(false);
            try {
                String owner = place.member();
                UserRepository.insertRow(c, owner, ownerDisplayName, Instant.now());
                new PostgresMembers().setRoles(c, owner, java.util.EnumSet.noneOf(Role.class), StoreSetup.ownerRoles());
                StoreSetup.setPolicy(c, PolicyRepository.ONE_PERSON_DESK, Boolean.toString(onePersonDesk));
                DeskKeyRepository.insertNew(c);
                keepOthersOff(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("make the database at " + place.description() + " a desk", e);
        }
        return place.open();
    }

    private static void requireOwnerMayMakeTheDesk(Connection c, Database place) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT pg_get_userbyid(d.datdba) = session_user, r.rolcreaterole, current_setting('server_encoding'),
                       d.datname
                FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = session_user""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            String database = rs.getString(4);
            if (!rs.getBoolean(1)) {
                throw new StoreException("The desk's owner must own the database: the server's administrator runs "
                        + "CREATE DATABASE " + database + " OWNER " + place.member() + " (docs/shared-desk.md)");
            }
            if (!rs.getBoolean(2)) {
                throw new StoreException("The desk's owner must be able to create roles for its members: the server's "
                        + "administrator runs ALTER ROLE " + place.member() + " CREATEROLE (docs/shared-desk.md)");
            }
            if (!"UTF8".equals(rs.getString(3))) {
                throw new StoreException("A desk needs a UTF8 database; this one is " + rs.getString(3));
            }
        }
    }

    /** Only the desk's members (and its owner) connect to the desk's database. */
    static void keepOthersOff(Connection c) throws SQLException {
        String database;
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(current_database())");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            st.execute("GRANT CONNECT ON DATABASE " + database + " TO wd_editor, wd_copy_editor, wd_desk_chief");
        }
    }
}
