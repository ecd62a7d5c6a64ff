package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's connection to a shared desk over TLS, by plain JDBC as pgjdbc makes it: {@code sslmode=verify-full}
 * with the desk's root certificate encrypts and checks both the certificate's signer and the host name; a foreign
 * root or a wrong name is refused before any password is sent; {@code sslmode=require} encrypts but checks nothing.
 */
class TlsConnectionTest {
    private static final String ROLE = "tls_member";
    private static final String PASSWORD = "tls-member-secret";

    @TempDir
    static Path folder;
    private static TlsPostgres server;

    @BeforeAll
    static void start() throws SQLException {
        server = TlsPostgres.start(folder);
        try (Connection dba = server.superuser(); Statement st = dba.createStatement()) {
            st.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Whether this session is encrypted, and with which protocol, as the server sees it. */
    private static String tlsOf(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getBoolean(1) + " " + rs.getString(2);
        }
    }

    private static List<String> messages(Throwable e) {
        List<String> all = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return all;
    }

    @Test
    void verifyFullSignsInWithScramAndTheSessionIsEncrypted() throws SQLException {
        String url = server.jdbcUrl("postgres", "verify-full");
        assertThat(url).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/postgres?sslmode=verify-full"
                + "&sslrootcert=" + server.rootCertificate());
        try (Connection c = TlsPostgres.connect(url, ROLE, PASSWORD)) {
            assertThat(tlsOf(c)).matches("true TLSv1\\.[23]");
        }
        try (Connection dba = server.superuser(); Statement st = dba.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + ROLE + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
        }
    }

    @Test
    void aRootCertificateFromAnotherCaIsRefusedAsUnverifiable(@TempDir Path elsewhere) {
        Path foreignRoot = ThrowawayCa.create("Someone else's CA").writeCertificate(elsewhere.resolve("root.crt"));
        String url = server.jdbcUrl("postgres", "verify-full").replace(server.rootCertificate().toString(),
                foreignRoot.toString());

        assertThatThrownBy(() -> TlsPostgres.connect(url, ROLE, PASSWORD).close())
                .isInstanceOf(SQLException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class)
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("PKIX path building failed")));
    }

    @Test
    void aServerWhoseCertificateDoesNotNameTheHostIsRefusedThoughItsCaIsTrusted(@TempDir Path other)
            throws Exception {
        // a second server, signed by a CA we do trust, but for another name: only the name is wrong
        try (TlsPostgres misnamed = TlsPostgres.start(other, "desk.example.invalid")) {
            assertThatThrownBy(() -> TlsPostgres.connect(misnamed.jdbcUrl("postgres", "verify-full"), ROLE, PASSWORD)
                    .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("The hostname localhost could not be verified");

            // verify-ca checks the signer and not the name, so the same server is accepted: the name was the reason
            try (Connection dba = TlsPostgres.connect(misnamed.jdbcUrl("postgres", "verify-ca"), "postgres", null)) {
                assertThat(tlsOf(dba)).startsWith("true ");
            }
            // and sslmode=require checks neither: the wrong name passes unnoticed
            try (Connection dba = TlsPostgres.connect("jdbc:postgresql://localhost:" + misnamed.port()
                    + "/postgres?sslmode=require", "postgres", null)) {
                assertThat(tlsOf(dba)).startsWith("true ");
            }
        }
    }

    @Test
    void the127AddressIsInTheCertificateTooSoVerifyFullAcceptsIt() throws SQLException {
        try (Connection c = TlsPostgres.connect(server.jdbcUrl("127.0.0.1", "postgres", "verify-full"), ROLE, PASSWORD)) {
            assertThat(tlsOf(c)).startsWith("true ");
        }
    }

    @Test
    void requireEncryptsButVerifiesNothingNotEvenAgainstAGivenRootCertificate(@TempDir Path elsewhere)
            throws SQLException {
        // pgjdbc's sslmode=require accepts any certificate (its documentation says so): it stops an eavesdropper,
        // not a server in the middle. Our throwaway CA is in no trust store, so connecting at all proves it.
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres?sslmode=require";
        try (Connection c = TlsPostgres.connect(url, ROLE, PASSWORD)) {
            assertThat(tlsOf(c)).startsWith("true ");
        }
        // unlike libpq (which verifies the CA under require once a root file is there), pgjdbc ignores sslrootcert
        // under require: a root of the wrong CA changes nothing. Only verify-full makes sure it is the desk's server.
        Path foreignRoot = ThrowawayCa.create("Someone else's CA").writeCertificate(elsewhere.resolve("root.crt"));
        try (Connection c = TlsPostgres.connect(url + "&sslrootcert=" + foreignRoot, ROLE, PASSWORD)) {
            assertThat(tlsOf(c)).startsWith("true ");
        }
    }

    @Test
    void withoutTlsEveryoneIsTurnedAwayByPgHba() {
        String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres?sslmode=disable";
        for (String[] who : new String[][] {{ROLE, PASSWORD}, {"postgres", null}}) {
            assertThatThrownBy(() -> TlsPostgres.connect(url, who[0], who[1]).close())
                    .as(who[0])
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"))
                    .hasMessageContaining("no encryption");
        }
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws IOException {
        // PostgreSQL refuses to start with a key file that group or others may read
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("server.key"))))
                .isEqualTo("rw-------");
    }
}
