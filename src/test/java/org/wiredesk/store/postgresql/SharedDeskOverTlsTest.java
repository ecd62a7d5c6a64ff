package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.PostgresSetup;
import org.wiredesk.store.StoreException;

/**
 * WireDesk's own store over TLS: {@code --store postgresql://HOST/DB?sslmode=verify-full&sslrootcert=FILE} makes the
 * desk and signs in over an encrypted connection to a server it verified; given another authority's certificate,
 * it does not talk to the server at all, and says why in one sentence.
 */
class SharedDeskOverTlsTest {
    private static final String OWNER_PASSWORD = "tls-owner-secret";

    @TempDir
    static Path folder;

    private static TlsPostgres server;

    @BeforeAll
    static void startTheServerAndMakeTheOwnersDatabase() throws Exception {
        server = TlsPostgres.start(java.nio.file.Files.createDirectories(folder.resolve("server")));
        try (Connection c = server.superuser(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE olga LOGIN CREATEROLE PASSWORD '" + OWNER_PASSWORD + "'");
            st.execute("CREATE DATABASE wiredesk OWNER olga");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String desk(Path rootCertificate) {
        return "postgresql://" + TlsPostgres.HOST + ":" + server.port() + "/wiredesk?sslmode=verify-full&sslrootcert="
                + rootCertificate;
    }

    @Test
    void theDeskIsMadeAndUsedOverAnEncryptedConnectionToAVerifiedServer() throws SQLException {
        Credentials olga = new Credentials("olga", OWNER_PASSWORD.toCharArray());
        try (Database desk = PostgresSetup.create(Database.postgres(desk(server.rootCertificate()), olga), "Olga",
                false); Connection c = desk.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("encrypted").isTrue();
            assertThat(rs.getString(2)).startsWith("TLSv1.");
            assertThat(desk.description()).contains("sslmode=verify-full");
        }
    }

    @Test
    void anotherAuthoritysCertificateMeansNoConnectionAndOneSentence() {
        Path other = ThrowawayCa.create("Not the desk's CA").writeCertificate(folder.resolve("other-root.crt"));
        Database desk = Database.postgres(desk(other), new Credentials("olga", OWNER_PASSWORD.toCharArray()));
        assertThatThrownBy(desk::open).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot reach the desk at postgresql://localhost:")
                .hasMessageNotContaining(OWNER_PASSWORD);
    }
}
