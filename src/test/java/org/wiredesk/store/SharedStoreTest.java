package org.wiredesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;

/** Two workstations on one store: one serves it, the other works through the Network Server on loopback. */
class SharedStoreTest {
    @TempDir
    Path home;

    @Test
    void aSecondWorkstationSeesTheStoriesAndTheGuardHoldsForItToo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = home.resolve("store");
        try (Database local = Database.embedded(dir).open();
             StoreServer server = StoreServer.start("127.0.0.1", port, new PrintWriter(new StringWriter()))) {
            StoryId id = new StoryRepository(local)
                    .insertIfNew(TestStories.story("shared-1", "Shared story", "Shared body."), "desk-a")
                    .orElseThrow();

            Database remote = Database.network(server.clientStore(dir, "127.0.0.1")).open();
            StoryRepository remoteStories = new StoryRepository(remote);
            assertThat(remoteStories.findAll(Set.of())).extracting(s -> s.agencyHeadline().text())
                    .containsExactly("Shared story");
            new WorkflowRepository(remote).saveHeadline(id, org.wiredesk.story.Status.NEW,
                    org.wiredesk.story.Status.EDITING, new org.wiredesk.story.Headline("Remote house headline"),
                    "desk-b", java.time.Instant.now());
            assertThat(new StoryRepository(local).find(id).orElseThrow().houseHeadline().text())
                    .isEqualTo("Remote house headline");

            try (Connection c = remote.connect(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE story SET body_html = '<p>x</p>'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("NO_CHANGE_TO_THE_CONTENT");
            }
            assertThat(new StoryRepository(local).find(id).orElseThrow().body().html())
                    .isEqualTo("<p>Shared body.</p>");
        }
    }
}
