package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Action;
import org.wiredesk.story.Status;

/** The workflow the database enforces (workflow_move, V007) is exactly the one the application checks (Action). */
class WorkflowMoveTableTest {
    @Test
    void theDatabasesWorkflowIsTheApplicationsWorkflow() throws SQLException {
        Set<String> expected = new HashSet<>();
        for (Action action : Action.values()) {
            for (Status from : Status.values()) {
                if (action.allowedFrom(from)) {
                    expected.add(action.name() + " " + from + " -> " + action.target() + " by " + action.role()
                            + (action.needsReason() ? " with a reason" : ""));
                }
            }
        }
        Set<String> stored = new HashSet<>();
        try (TestDesk desk = TestDesk.inMemory(false); Connection c = desk.owner().connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT action, from_status, to_status, role, needs_reason FROM workflow_move")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + " " + rs.getString(2) + " -> " + rs.getString(3) + " by " + rs.getString(4)
                        + (rs.getInt(5) == 1 ? " with a reason" : ""));
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    }
}
