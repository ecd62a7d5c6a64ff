package org.wiredesk.store.postgresql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A desk on the shared test PostgreSQL: a fresh database, the desk's schema installed by its owner from
 * {@code store/postgresql/V001__desk.sql}, and members made as LOGIN roles with SCRAM passwords, the way
 * {@code users --add} will. Member names carry the database's number, as login roles are the cluster's.
 */
final class PgTestDesk {
    static final String SCRIPT = "/org/wiredesk/store/postgresql/V001__desk.sql";
    private static final String OWNER_PASSWORD = "owner-secret-1";

    private final TestPostgres.Fresh db;

    private PgTestDesk(TestPostgres.Fresh db) {
        this.db = db;
    }

    /** A new desk, installed by its owner in one transaction. */
    static PgTestDesk create() throws SQLException {
        PgTestDesk desk = new PgTestDesk(TestPostgres.freshDatabase(OWNER_PASSWORD));
        try (Connection c = desk.owner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(script());
            }
            c.commit();
        }
        return desk;
    }

    static String script() {
        try (InputStream in = PgTestDesk.class.getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The owner's connection (plain JDBC, password). */
    Connection owner() throws SQLException {
        return TestPostgres.login(db.database(), db.owner(), OWNER_PASSWORD);
    }

    String ownerName() {
        return db.owner();
    }

    /** The role name of a member of this desk. */
    String name(String member) {
        return member + "_" + db.n();
    }

    static String password(String member) {
        return "pw-" + member + "-secret";
    }

    /** Adds a member as a LOGIN role (SCRAM password) in the given groups (wd_editor, ...), as the owner does. */
    String add(String member, String... groups) throws SQLException {
        String role = name(member);
        try (Connection c = owner(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password(member) + "'");
            for (String group : groups) {
                st.execute("GRANT " + group + " TO " + role);
            }
            st.execute("INSERT INTO desk.app_user (username, display_name, created_ms) VALUES ('" + role + "', '"
                    + member + "', 0)");
        }
        return role;
    }

    /** A member's own connection by plain JDBC, no WireDesk code between them and the store. */
    Connection member(String member) throws SQLException {
        return TestPostgres.login(db.database(), name(member), password(member));
    }
}
