package org.wiredesk.store.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL of its own that speaks only TLS, for tests of connections as a desk's members will make them:
 * a throwaway CA, a server certificate signed by it, and a pg_hba that turns away every connection without TLS.
 * The superuser (the test's DBA) signs in without a password, over TLS; every other role with a SCRAM password.
 * Separate from {@link TestPostgres}'s shared server, which stays plain.
 */
public final class TlsPostgres implements AutoCloseable {
    /** The host name clients connect to; the default certificate is for it (and for 127.0.0.1). */
    public static final String HOST = "localhost";
    private static final String SUPERUSER = "postgres";

    // hostssl only: a connection without TLS matches no line and is refused. The superuser may sign in without a
    // password because zonky checks the server is up as "postgres" with no password (its initdb is -A trust).
    private static final String PG_HBA = """
            # TYPE   DATABASE  USER      ADDRESS        METHOD
            hostssl  all       postgres  127.0.0.1/32   trust
            hostssl  all       postgres  ::1/128        trust
            hostssl  all       all       127.0.0.1/32   scram-sha-256
            hostssl  all       all       ::1/128        scram-sha-256
            """;

    private final EmbeddedPostgres server;
    private final Path rootCertificate;

    private TlsPostgres(EmbeddedPostgres server, Path rootCertificate) {
        this.server = server;
        this.rootCertificate = rootCertificate;
    }

    /** A server whose certificate names localhost and 127.0.0.1, with its files kept in {@code folder}. */
    public static TlsPostgres start(Path folder) {
        return start(folder, HOST, "127.0.0.1");
    }

    /** A server whose certificate names only {@code serverNames} (DNS names or IP addresses). */
    public static TlsPostgres start(Path folder, String... serverNames) {
        // zonky passes server settings to pg_ctl as one "-o" string split at blanks: a path with a blank breaks it
        if (folder.toAbsolutePath().toString().matches(".*\\s.*")) {
            throw new IllegalArgumentException("TlsPostgres needs a folder without blanks in its path: " + folder);
        }
        Path dir = folder.toAbsolutePath();
        ThrowawayCa ca = ThrowawayCa.create("WireDesk test CA");
        Path root = ca.writeCertificate(dir.resolve("root.crt"));
        ca.issueServer(serverNames).write(dir.resolve("server.crt"), dir.resolve("server.key"));
        Path log = dir.resolve("postgres.log");
        try {
            Path hba = Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.US_ASCII);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    // the server's own words (a refused key file, a bad setting) land beside its certificates
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setDataDirectory(dir.resolve("data"))
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                    .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
            return new TlsPostgres(pg, root);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL with TLS did not start; " + log + " says:\n" + tail(log), e);
        }
    }

    /** The CA certificate that signed the server's: what a client passes as {@code sslrootcert}. */
    public Path rootCertificate() {
        return rootCertificate;
    }

    public int port() {
        return server.getPort();
    }

    /** A JDBC URL to {@code database} on {@link #HOST} with the given sslmode and this server's root certificate. */
    public String jdbcUrl(String database, String sslmode) {
        return jdbcUrl(HOST, database, sslmode);
    }

    /** The same, to another host name for this server (to show what happens when the name does not match). */
    public String jdbcUrl(String host, String database, String sslmode) {
        return "jdbc:postgresql://" + host + ":" + port() + "/" + database + "?sslmode=" + sslmode + "&sslrootcert="
                + rootCertificate;
    }

    /** The cluster's superuser on database postgres, over TLS with the server fully verified. */
    public Connection superuser() throws SQLException {
        return connect(jdbcUrl("postgres", "verify-full"), SUPERUSER, null);
    }

    /** A login role with its password, over TLS with the server fully verified. */
    public Connection login(String database, String role, String password) throws SQLException {
        return connect(jdbcUrl(database, "verify-full"), role, password);
    }

    /** A connection by plain JDBC to any URL (a test's own sslmode and sslrootcert); {@code password} may be null. */
    public static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 2_000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
