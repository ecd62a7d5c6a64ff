package org.wiredesk.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The external server's URL: its credentials sign in the superuser and never travel in the URLs handed out. */
class ExternalPostgresUrlTest {
    @Test
    void theCredentialsAreTakenOutAndTheOtherParametersKept() {
        ExternalPostgres pg = ExternalPostgres.parse(
                "jdbc:postgresql://db.example:5433/postgres?user=postgres&sslmode=verify-full&password=p%40ss%26word");
        assertThat(pg.user()).isEqualTo("postgres");
        assertThat(pg.url("desk_test_1")).isEqualTo("jdbc:postgresql://db.example:5433/desk_test_1?sslmode=verify-full");
    }

    @Test
    void aUrlWithoutParametersOrDatabaseStillNamesTheServer() {
        ExternalPostgres pg = ExternalPostgres.parse("jdbc:postgresql://localhost?user=postgres");
        assertThat(pg.url("desk_test_2")).isEqualTo("jdbc:postgresql://localhost/desk_test_2");
    }

    @Test
    void aUrlWithoutAUserIsRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> ExternalPostgres.parse("jdbc:postgresql://localhost:5432/postgres?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user=")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ExternalPostgres.parse("postgresql://localhost/postgres?user=x&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2");
    }
}
