package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.wiredesk.workflow.DeskFixture;

/** The attacker's tests' way in: a member's own JDBC connection, no WireDesk code between them and the store. */
final class PlainMember {
    private PlainMember() {
    }

    /** A member's own connection by plain JDBC, on the fixture's engine. */
    static Connection connect(DeskFixture desk, String member) throws SQLException {
        String url = desk.database.isPostgres() ? desk.testDesk.postgresUrl() : desk.database.url();
        return DriverManager.getConnection(url, member, new String(TestDesk.password(member)));
    }

    /** Asserts the store refuses this statement: no privilege, or a guard. */
    static void refused(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            fail("the store accepted: " + sql);
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).matches("4250[0-4]|23513|23514|42501");
        }
    }
}
