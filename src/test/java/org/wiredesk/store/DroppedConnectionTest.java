package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.store.postgresql.TestPostgres;

/**
 * A shared desk's connection dropped in the middle of a step (the server restarted, the network cut, an
 * administrator ended the session): the step is tried again on a new connection and lands once, whole; never half.
 */
class DroppedConnectionTest {
    private final TestDesk desk = TestDesk.onPostgres(false);

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void aConnectionDroppedHalfWayThroughAStepIsRetriedAndTheStepLandsOnceWhole() throws SQLException {
        Database cora = desk.add("cora", Role.COPY_EDITOR);
        StoryId id = new StoryRepository(desk.owner()).insertIfNew(TestStories.story("g-1", "Agency", "Body."), "x")
                .orElseThrow();
        AtomicInteger attempts = new AtomicInteger();
        cora.inTransaction("save a draft", c -> {
            cora.moves().headline(c, id, Status.NEW, Status.EDITING, new Headline("House headline"), Instant.now());
            if (attempts.incrementAndGet() == 1) {
                // the server ends this very session between the two halves of the step
                terminate("SELECT pg_terminate_backend(" + backendPid(c) + ")");
            }
            cora.moves().move(c, id, Status.EDITING, Status.SUBMITTED, null, Instant.now(), null);
            return null;
        });
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM desk.headline_draft")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM desk.status_change WHERE story_id = " + id.value())).isEqualTo(3);
        assertThat(new StoryRepository(cora).find(id).orElseThrow().status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void connectionsTheServerDroppedWhileIdleAreNotHandedOutAgain() throws Exception {
        Database cora = desk.add("cora", Role.COPY_EDITOR);
        StoryRepository stories = new StoryRepository(cora);
        assertThat(stories.summaries(java.util.EnumSet.allOf(Status.class), 10)).isEmpty();
        terminate("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'cora'");
        Thread.sleep(1_100);
        assertThat(stories.summaries(java.util.EnumSet.allOf(Status.class), 10)).isEmpty();
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void terminate(String sql) throws SQLException {
        try (Connection su = TestPostgres.superuser("postgres"); Statement st = su.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = desk.owner().connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
