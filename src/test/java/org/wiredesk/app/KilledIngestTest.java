package org.wiredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.Corpus;
import org.wiredesk.story.Story;
import org.wiredesk.store.Database;
import org.wiredesk.store.TestDesk;
import org.wiredesk.store.StoryRepository;

/** A real second JVM killed (SIGKILL) in the middle of an ingest leaves no half-stored story, and nothing twice. */
class KilledIngestTest {
    @TempDir
    Path home;

    @Test
    void killingAnIngestMidwayLeavesOnlyWholeStoriesAndAResumeStoresTheRestOnce() throws Exception {
        Path store = home.resolve("store");
        TestDesk.inDirectory(store, false).close();
        String pages = Corpus.path("article-extraction-benchmark/html").toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dderby.stream.error.file=" + home.resolve("child.log"),
                Launcher.class.getName(), "--store", store.toString(), "--user", TestDesk.OWNER, "ingest", pages));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WIREDESK_PASSWORD", new String(TestDesk.password(TestDesk.OWNER)));
        Process child = builder.redirectErrorStream(true)
                .redirectOutput(home.resolve("child.out").toFile()).start();
        // wait until a few stories are in, then kill without warning
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && countLines(home.resolve("child.out")) < 5) {
            Thread.sleep(50);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int reported = countLines(home.resolve("child.out"));
        assertThat(reported).as("killed midway").isBetween(5, 47);

        try (Database db = Database.embedded(store, TestDesk.credentials(TestDesk.OWNER)).open()) {
            List<Story> stored = new StoryRepository(db).findAll(Set.of());
            assertThat(stored.size()).isGreaterThanOrEqualTo(reported - 1).isLessThan(48);
            for (Story s : stored) {
                assertThat(BodyText.matches(s.body())).as("body of %s whole", s.id()).isTrue();
            }
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT COUNT(*) FROM story s WHERE NOT EXISTS "
                        + "(SELECT 1 FROM story_key k WHERE k.story_id = s.id)")).isZero();
                assertThat(single(st, "SELECT COUNT(*) FROM story s WHERE (SELECT COUNT(*) FROM status_change c "
                        + "WHERE c.story_id = s.id) <> 1")).isZero();
            }
        }
        // resuming stores the rest, once
        var out = new java.io.StringWriter();
        int code = org.wiredesk.app.cli.Cli.run(new String[] {"--store", store.toString(), "--user", TestDesk.OWNER, "ingest", pages},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()),
                java.util.Map.of("WIREDESK_PASSWORD", new String(TestDesk.password(TestDesk.OWNER))),
                g -> { });
        assertThat(code).isZero();
        try (Database db = Database.embedded(store, TestDesk.credentials(TestDesk.OWNER)).open()) {
            assertThat(new StoryRepository(db).findAll(Set.of())).hasSize(48);
        }
    }

    private static int countLines(Path file) throws java.io.IOException {
        return Files.exists(file) ? (int) Files.readAllLines(file).stream().filter(l -> l.contains("[page]")).count() : 0;
    }

    private static long single(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
