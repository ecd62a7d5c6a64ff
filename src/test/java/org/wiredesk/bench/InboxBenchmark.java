package org.wiredesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.inbox.InboxViewModel;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Status;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoryRepository;

/**
 * The inbox at 100,000 stories: the time until the inbox view-model holds its rows, side by side with a bare JDBC
 * read of the same rows' columns, and the heap the listed inbox takes. The store is built once (bulk JDBC) under
 * target/bench-inbox and reused.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.bench.InboxBenchmark -Dexec.args="100000"</pre>
 */
public final class InboxBenchmark {
    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Path.of("target", "bench-inbox-" + count);
        System.setProperty("derby.stream.error.file", Path.of("target", "bench-derby.log").toString());
        boolean fresh = !Files.exists(dir);
        try (Database db = org.wiredesk.store.TestDesk.inDirectory(dir, false).owner()) {
            if (fresh) {
                long t = System.nanoTime();
                fill(db, count);
                System.out.printf("built %,d stories in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
            }
            StoryRepository stories = new StoryRepository(db);
            for (int warm = 0; warm < 3; warm++) {
                bare(db, Integer.MAX_VALUE);
                stories.summaries(InboxViewModel.View.ACTIVE.statuses(), InboxViewModel.LIMIT);
            }
            int rounds = 7;
            long bareNanos = 0;
            long inboxNanos = 0;
            long fullNanos = 0;
            int rows = 0;
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                rows = bare(db, Integer.MAX_VALUE);
                long t1 = System.nanoTime();
                InboxViewModel vm = new InboxViewModel(stories, new org.wiredesk.store.InboxRepository(db), null, null,
                        null, new DirectTaskRunner(), new StoreChanges());
                long[] shownAt = {0};
                vm.rows().addListener((javafx.collections.ListChangeListener<org.wiredesk.story.StorySummary>) c -> {
                    if (shownAt[0] == 0) {
                        shownAt[0] = System.nanoTime();
                    }
                });
                vm.reload();
                long t2 = System.nanoTime();
                bareNanos += t1 - t0;
                inboxNanos += shownAt[0] - t1;
                fullNanos += t2 - t1;
                ratios[r] = (shownAt[0] - t1) / (double) (t1 - t0);
                if (vm.rows().size() != rows) {
                    throw new IllegalStateException("inbox has " + vm.rows().size() + " rows, JDBC read " + rows);
                }
            }
            java.util.Arrays.sort(ratios);
            System.out.printf("%,d rows: bare JDBC read %.0f ms, inbox open (rows shown, with read marks and claims) "
                    + "%.0f ms (ratio %.2f; rounds min %.2f, median %.2f, max %.2f; target <= 2); counts and "
                    + "published marks in by %.0f ms%n", rows, bareNanos / 1e6 / rounds, inboxNanos / 1e6 / rounds,
                    inboxNanos / (double) bareNanos, ratios[0], ratios[rounds / 2], ratios[rounds - 1],
                    fullNanos / 1e6 / rounds);

            // filtering as one types: each keystroke re-filters every row
            InboxViewModel typing = new InboxViewModel(stories, new org.wiredesk.store.InboxRepository(db), null, null,
                    null, new DirectTaskRunner(), new StoreChanges());
            typing.reload();
            String[] keystrokes = {"p", "po", "por", "port", "port ", "port s", "port st", "port sto", "", "b", "ba",
                    "ban", "bank", ""};
            for (int warm = 0; warm < 20; warm++) {
                for (String k : keystrokes) {
                    typing.filterProperty().set(k);
                }
            }
            long worst = 0;
            long total = 0;
            for (String k : keystrokes) {
                long t = System.nanoTime();
                typing.filterProperty().set(k);
                int shown = typing.rows().size();
                long took = System.nanoTime() - t;
                worst = Math.max(worst, took);
                total += took;
                if (shown < 0) {
                    throw new IllegalStateException();
                }
            }
            System.out.printf("filter as you type over %,d rows: mean %.1f ms, worst %.1f ms per keystroke "
                    + "(target: within a 16 ms frame)%n", rowsLoaded(typing),
                    total / 1e6 / keystrokes.length, worst / 1e6);

            // full text over headlines and bodies
            Path indexDir = Path.of("target", "bench-index-" + count);
            try (org.wiredesk.search.SearchIndex index = org.wiredesk.search.SearchIndex.open(indexDir, stories)) {
                long t = System.nanoTime();
                int added = index.catchUp();
                if (added > 0) {
                    System.out.printf("indexed %,d stories in %.1f s%n", added, (System.nanoTime() - t) / 1e9);
                }
                String[] queries = {"port", "bank rates", "\"border talks\"", "quake -museum", "elect*", "budget",
                        "housing grid", "ministers summit", "strike", "ferries envoy"};
                for (int warm = 0; warm < 5; warm++) {
                    for (String q : queries) {
                        index.search(q, 50);
                    }
                }
                long worstSearch = 0;
                long totalSearch = 0;
                for (String q : queries) {
                    long t0 = System.nanoTime();
                    int hits = index.search(q, 50).size();
                    long took = System.nanoTime() - t0;
                    worstSearch = Math.max(worstSearch, took);
                    totalSearch += took;
                    if (hits < 0) {
                        throw new IllegalStateException();
                    }
                }
                System.out.printf("full-text search over %,d stories (top 50, matches marked): mean %.1f ms, worst "
                        + "%.1f ms (target <= 50 ms)%n", index.lastIndexedId(), totalSearch / 1e6 / queries.length,
                        worstSearch / 1e6);
            }

            InboxViewModel held = new InboxViewModel(stories, new org.wiredesk.store.InboxRepository(db), null, null, null, new DirectTaskRunner(),
                    new StoreChanges());
            held.reload();
            System.gc();
            Thread.sleep(200);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap used with %,d stories listed: %.0f MB (target <= 300 MB)%n", held.rows().size(),
                    used / 1e6);
        }
    }

    private static int rowsLoaded(InboxViewModel vm) {
        String before = vm.filterProperty().get();
        vm.filterProperty().set("");
        int n = vm.rows().size();
        vm.filterProperty().set(before);
        return n;
    }

    /** What the inbox shows, read as plainly as JDBC can (at most {@code limit} rows). */
    private static int bare(Database db, int limit) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, source_name, agency_headline, house_headline, received_ms, status, updated_ms, "
                        + "updated_at_source_ms FROM story WHERE status IN (?, ?, ?, ?, ?) "
                        + "ORDER BY received_ms DESC, id DESC FETCH FIRST " + Math.min(limit, 10_000_000) + " ROWS ONLY")) {
            int i = 1;
            for (Status s : InboxViewModel.View.ACTIVE.statuses()) {
                ps.setString(i++, s.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getLong(8)});
                }
            }
        }
        return out.size();
    }

    private static void fill(Database db, int count) throws Exception {
        String[] sources = {"Northgate Wire Service", "Meridian Press Service", "Harbour City Chronicle",
                "Southern Energy Desk", "Eastern Agency", "Capital News"};
        String[] words = {"ministers", "port", "storm", "bank", "rates", "talks", "border", "election", "court",
                "strike", "deal", "quake", "museum", "budget", "housing", "grid", "ferries", "envoy", "summit"};
        long now = System.currentTimeMillis();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement story = c.prepareStatement("INSERT INTO story (id, dedup_hash, dedup_key, "
                    + "source_name, url, agency_headline, received_ms, body_html, body_sha256, status, updated_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO story_key (key_hash, story_id) VALUES (?, ?)");
                 PreparedStatement change = c.prepareStatement("INSERT INTO status_change (id, story_id, "
                         + "to_status, actor, at_ms) VALUES (?, ?, 'NEW', 'bench', ?)")) {
                for (int i = 1; i <= count; i++) {
                    String headline = Character.toUpperCase(words[i % words.length].charAt(0))
                            + words[i % words.length].substring(1) + " " + words[(i * 7) % words.length] + " as "
                            + words[(i * 13) % words.length] + " continues, officials say (" + i + ")";
                    String body = "<p>" + headline + ". " + "The report continues with details. ".repeat(20) + "</p>";
                    String keyText = "bench-" + i;
                    story.setLong(1, i);
                    story.setString(2, StoryRepository.dedupHash(keyText));
                    story.setString(3, keyText);
                    story.setString(4, sources[i % sources.length]);
                    story.setString(5, "https://bench.example/" + i);
                    story.setString(6, headline);
                    story.setLong(7, now - (long) i * 30_000);
                    story.setString(8, body);
                    story.setString(9, Fingerprint.ofText(body.replace("<p>", "").replace("</p>", "")));
                    story.setString(10, i % 10 == 0 ? "SPIKED" : "NEW");
                    story.setLong(11, now - (long) i * 30_000);
                    story.addBatch();
                    key.setString(1, StoryRepository.dedupHash(keyText));
                    key.setLong(2, i);
                    key.addBatch();
                    change.setLong(1, i);
                    change.setLong(2, i);
                    change.setLong(3, now);
                    change.addBatch();
                    if (i % 1000 == 0) {
                        story.executeBatch();
                        key.executeBatch();
                        change.executeBatch();
                    }
                }
                story.executeBatch();
                key.executeBatch();
                change.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE story ALTER COLUMN id RESTART WITH " + (count + 1));
            } catch (Exception ignored) {
                // ids come from a sequence; move it past the bulk rows
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER SEQUENCE story_seq RESTART WITH " + (count + 1));
            } catch (Exception ignored) {
                // Derby 10.16 cannot restart a sequence; benchmark stores are not ingested into
            }
            c.commit();
        }
        db.connect().close();
        Set.of();
    }
}
