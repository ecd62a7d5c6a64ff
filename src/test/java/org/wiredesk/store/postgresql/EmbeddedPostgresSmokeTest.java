package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresSmokeTest {
    @Test
    void aRealPostgreSqlStartsAndAnswersWithScramPasswords() throws SQLException {
        long ms = TestPostgres.startupMillis();
        System.out.println("test PostgreSQL ready in " + ms + " ms");
        TestPostgres.Fresh db = TestPostgres.freshDatabase("owner-secret-1");
        try (Connection c = TestPostgres.login(db.database(), db.owner(), "owner-secret-1");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, session_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(140000);
            assertThat(rs.getString(2)).isEqualTo(db.owner());
        }
        try (Connection c = TestPostgres.superuser("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + db.owner() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
        }
    }
}
