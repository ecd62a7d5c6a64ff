package org.wiredesk.store;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.wiredesk.story.Role;
import org.wiredesk.story.User;

/**
 * A real secured desk for tests: a Derby store (in memory or in a directory) created by its owner, with members
 * added through the real member management. Each member signs in with their own password, so every test runs
 * under the same database rules as the desk.
 */
public final class TestDesk implements AutoCloseable {
    public static final String OWNER = "owner";

    private final Database owner;
    /** On PostgreSQL: the test database, dropped with the members' roles on close (roles are the cluster's). */
    private final org.wiredesk.store.postgresql.TestPostgres.Fresh postgres;
    private final java.util.List<String> added = new java.util.ArrayList<>();

    private TestDesk(Database owner) {
        this(owner, null);
    }

    private TestDesk(Database owner, org.wiredesk.store.postgresql.TestPostgres.Fresh postgres) {
        this.owner = owner;
        this.postgres = postgres;
    }

    /**
     * A new desk on the test PostgreSQL (a fresh database its owner makes a desk with {@link PostgresSetup}). The
     * owner's name is the fresh database's owner role, {@link #ownerName()}; members keep their plain names and
     * their roles are dropped on close, so the next test can make them again.
     */
    public static TestDesk onPostgres(boolean onePersonDesk) {
        try {
            var fresh = org.wiredesk.store.postgresql.TestPostgres.freshDatabase("secret-owner");
            try (java.sql.Connection c = org.wiredesk.store.postgresql.TestPostgres.superuser("postgres");
                 java.sql.Statement st = c.createStatement()) {
                st.execute("ALTER ROLE " + fresh.owner() + " PASSWORD 'secret-" + fresh.owner() + "'");
            }
            Database place = Database.postgres(org.wiredesk.store.postgresql.TestPostgres.url(fresh.database()),
                    credentials(fresh.owner()));
            return new TestDesk(PostgresSetup.create(place, "The Owner", onePersonDesk), fresh);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL test desk", e);
        }
    }

    /** The owner's member name. */
    public String ownerName() {
        return owner.member();
    }

    /** The PostgreSQL URL of this desk (null on Derby). */
    public String postgresUrl() {
        return postgres == null ? null : org.wiredesk.store.postgresql.TestPostgres.url(postgres.database());
    }

    /** A new in-memory desk; {@code onePersonDesk} lets a desk chief approve their own work. */
    public static TestDesk inMemory(boolean onePersonDesk) {
        return new TestDesk(StoreSetup.create(Database.inMemory("desk-" + UUID.randomUUID(), credentials(OWNER)),
                "The Owner", onePersonDesk));
    }

    /** A new desk in a directory. */
    public static TestDesk inDirectory(Path dir, boolean onePersonDesk) {
        return new TestDesk(StoreSetup.create(Database.embedded(dir, credentials(OWNER)), "The Owner",
                onePersonDesk));
    }

    /** An existing desk in a directory, signed in as its owner (closing it shuts the store down). */
    public static TestDesk reopen(Path dir) {
        return reopen(dir, OWNER);
    }

    /** An existing desk in a directory, signed in as its owner of this name. */
    public static TestDesk reopen(Path dir, String owner) {
        return new TestDesk(Database.embedded(dir, credentials(owner)).open());
    }

    /** Every test member's password: "secret-" and their name. */
    public static char[] password(String member) {
        return ("secret-" + member).toCharArray();
    }

    public static Credentials credentials(String member) {
        return new Credentials(member, password(member));
    }

    /** The store, signed in as its owner (who holds every role). */
    public Database owner() {
        return owner;
    }

    /** Adds a member with these roles and returns the store signed in as them. */
    public Database add(String member, Role... roles) {
        added.add(member);
        new UserRepository(owner).add(member, member, roles.length == 0 ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(List.of(roles)), password(member));
        return as(member);
    }

    /** Adds a member as the domain knows them (their name, display name and roles). */
    public Database add(User user) {
        added.add(user.username());
        new UserRepository(owner).add(user.username(), user.displayName(), user.roles().isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()), password(user.username()));
        return as(user.username());
    }

    /** The store signed in as an existing member. */
    public Database as(String member) {
        return owner.as(credentials(member)).open();
    }

    @Override
    public void close() {
        owner.close();
        if (postgres != null) {
            try (java.sql.Connection c = org.wiredesk.store.postgresql.TestPostgres.superuser("postgres");
                 java.sql.Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + postgres.database() + " WITH (FORCE)");
                for (String member : added) {
                    st.execute("DROP ROLE IF EXISTS " + member);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot drop the PostgreSQL test desk", e);
            }
        }
    }
}
