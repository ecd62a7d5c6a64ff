package org.wiredesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.wiredesk.story.Role;

/**
 * Making a desk's store: a new one owned by the member who creates it, with Derby's NATIVE authentication and SQL
 * authorization on, the desk's schema owned by the owner, and the owner a member with every role; and telling
 * new, secured and earlier (pre-sign-in) stores apart. Upgrading an earlier store is {@link StoreUpgrade}.
 */
public final class StoreSetup {
    /** What is at a store's place. */
    public enum State {
        /** Nothing yet: {@code init} creates it. */
        NONE,
        /** A store made by a WireDesk before members signed in: {@code init} upgrades it. */
        UNSECURED,
        /** A desk with an owner and members: sign in. */
        SECURED
    }

    private static final String ONE_PERSON = PolicyRepository.ONE_PERSON_DESK;

    private StoreSetup() {
    }

    /** What is in this store directory. */
    public static State state(Path directory) {
        Database probe = Database.unsecured(directory);
        if (!probe.exists()) {
            return State.NONE;
        }
        try (Connection c = probe.connect()) {
            return State.UNSECURED;
        } catch (SQLException e) {
            if (SqlErrors.hasState(e, "08004")) {
                return State.SECURED;
            }
            throw probe.translateOpen(e);
        }
    }

    /**
     * Creates a new store at the database's place, owned by its signed-in member (who also gets every role), and
     * opens it. {@code onePersonDesk} lets a desk chief approve their own headline (marked as such everywhere).
     */
    public static Database create(Database place, String ownerDisplayName, boolean onePersonDesk) {
        if (place.exists() && !place.inMemory()) {
            throw new StoreException("There is already a store at " + place.description()
                    + ": sign in to it, or choose another folder");
        }
        if (place.credentialsPassword().length() < 8) {
            throw new StoreException("A password needs at least 8 characters");
        }
        createEmpty(place, SchemaMigrator.MIGRATIONS.size());
        try (Connection c = place.connect()) {
            install(c, place.member(), ownerDisplayName, onePersonDesk);
        } catch (SQLException e) {
            throw place.translateOpen(e);
        }
        return place.open();
    }

    /** A secured database with the desk's schema at {@code version}, owned by the signed-in member, and no rows. */
    static void createEmpty(Database place, int version) {
        String owner = place.member();
        try {
            try (Connection c = place.connectCreating()) {
                DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_CREATE_USER", owner, place.credentialsPassword());
                DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY", "derby.database.sqlAuthorization", "true");
                // JVM system properties can no longer override what this database says about its own security
                DerbyAdmin.call(c, "SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY", "derby.database.propertiesOnly", "true");
            }
            // SQL authorization takes effect at the next boot
            place.shutdownForReboot();
            keepToTheAccount(place);
            try (Connection c = place.connectCreating()) {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE SCHEMA " + Database.SCHEMA);
                    st.execute("SET SCHEMA " + Database.SCHEMA);
                }
                SchemaMigrator.derby().migrate(c, version);
            }
        } catch (SQLException e) {
            throw place.translateOpen(e);
        }
    }

    /** The owner as a member with every role, the desk's policy and its first signing key (one transaction). */
    static void install(Connection c, String owner, String displayName, boolean onePersonDesk) throws SQLException {
        c.setAutoCommit(false);
        try {
            UserRepository.insertMember(c, owner, displayName, EnumSet.allOf(Role.class), Instant.now());
            setPolicy(c, ONE_PERSON, Boolean.toString(onePersonDesk));
            DeskKeyRepository.insertNew(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Makes the store's folder readable and writable by this operating-system account only: whoever can read its
     * files can read everything in it, the signing key too (docs/security.md, "The embedded store's files").
     */
    private static void keepToTheAccount(Database place) {
        if (place.inMemory()) {
            return;
        }
        try {
            java.nio.file.Files.setPosixFilePermissions(Path.of(place.description()),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // not a POSIX file system: the folder keeps what the system gives it
        }
    }

    static void setPolicy(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE desk_policy SET value = ? WHERE name = ?")) {
            up.setString(1, value);
            up.setString(2, name);
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO desk_policy (name, value) VALUES (?, ?)")) {
            in.setString(1, name);
            in.setString(2, value);
            in.executeUpdate();
        }
    }

    /** Roles every new owner holds. */
    static Set<Role> ownerRoles() {
        return EnumSet.allOf(Role.class);
    }
}
