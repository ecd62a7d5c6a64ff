package org.wiredesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and upgrades the schema by applying versioned steps in order, each in one transaction, with the scripts
 * of its engine: Derby's under {@code migrations/}, PostgreSQL's under {@code postgresql/}. On Derby a step is one
 * script, or (version 7) scripts with a Java step between them, and after version 7 each script is followed by
 * granting members their roles' privileges on what it added; on PostgreSQL one script, run whole (privileges there
 * go to the group roles, in the script). Run by the store's owner, in the desk's schema.
 */
final class SchemaMigrator {
    /** Every Derby migration, in order. A script is never edited once released: add the next one. */
    static final List<String> MIGRATIONS = List.of(
            "V001__initial_schema.sql",
            "V002__same_story.sql",
            "V003__sources.sql",
            "V004__editing.sql",
            "V005__candidates.sql",
            "V006__triage.sql",
            "V007__trust",
            "V008__story_notes.sql",
            "V009__story_timing.sql",
            "V010__source_withdrawals.sql",
            "V011__agency_items.sql",
            "V012__credit_addresses.sql",
            "V013__stories_belong_to_their_source.sql",
            "V014__source_archive.sql",
            "V015__inbox_pages.sql",
            "V016__chosen_blocks.sql");

    /** Every PostgreSQL migration, in order; the same rule. */
    static final List<String> POSTGRES_MIGRATIONS = List.of("V001__desk.sql", "V002__story_notes.sql",
            "V003__story_timing.sql", "V004__source_withdrawals.sql",
            "V005__agency_items.sql", "V006__credit_addresses.sql",
            "V007__stories_belong_to_their_source.sql", "V008__source_archive.sql",
            "V009__inbox_pages.sql", "V010__chosen_blocks.sql");

    /** The schema as the WireDesk before members signed in left it (what an upgrade copies from). */
    static final int BEFORE_TRUST = 6;
    /** The version that made members sign in: every later Derby script's new tables need their privileges. */
    private static final int TRUST = 7;

    private final List<String> scripts;
    private final boolean postgres;

    private SchemaMigrator(List<String> scripts, boolean postgres) {
        this.scripts = scripts;
        this.postgres = postgres;
    }

    static SchemaMigrator derby() {
        return new SchemaMigrator(MIGRATIONS, false);
    }

    static SchemaMigrator postgres() {
        return new SchemaMigrator(POSTGRES_MIGRATIONS, true);
    }

    /** The version this WireDesk brings a store to. */
    int latest() {
        return scripts.size();
    }

    void migrate(Connection connection) throws SQLException {
        migrate(connection, scripts.size());
    }

    /** Applies the migrations up to and including {@code version}. */
    void migrate(Connection connection, int version) throws SQLException {
        if (!postgres) {
            ensureVersionTable(connection); // PostgreSQL's first script makes it, with the schema
        }
        int current = version(connection);
        for (int i = current; i < version; i++) {
            apply(connection, i + 1, scripts.get(i));
        }
    }

    int version(Connection connection) throws SQLException {
        return hasVersionTable(connection) ? currentVersion(connection) : 0;
    }

    boolean isCurrent(Connection connection) throws SQLException {
        return version(connection) == scripts.size();
    }

    int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean hasVersionTable(Connection connection) throws SQLException {
        if (postgres) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT to_regclass('desk.schema_version') IS NOT NULL")) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "SCHEMA_VERSION", null)) {
            return rs.next();
        }
    }

    private void ensureVersionTable(Connection connection) throws SQLException {
        if (hasVersionTable(connection)) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE TABLE schema_version (
                        version     INT          NOT NULL PRIMARY KEY,
                        script      VARCHAR(200) NOT NULL,
                        applied_ms  BIGINT       NOT NULL
                    )""");
        }
    }

    private void apply(Connection connection, int version, String script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            if (postgres) {
                st.execute(read("postgresql/" + script)); // dollar-quoted bodies: the driver splits it right
            } else if (script.endsWith(".sql")) {
                run(st, script);
                if (version > TRUST) {
                    // members hold privileges by name (Grants): those who already sign in get the new tables' too
                    Grants.renew(connection);
                }
            } else {
                // version 7: tables, then the chain over the history a store already has, then the guards
                run(st, script + "_tables.sql");
                TrustBackfill.run(connection);
                run(st, script + "_guards.sql");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    postgres ? "INSERT INTO desk.schema_version (version, script, applied_ms) VALUES (?, ?, ?)"
                            : "INSERT INTO schema_version (version, script, applied_ms) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e.getSQLState(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void run(Statement st, String script) throws SQLException {
        for (String sql : statements(read("migrations/" + script))) {
            st.execute(sql);
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }

    /** Splits a script at semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
