package org.wiredesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.inbox.InboxViewModel;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.Database;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.store.StoryRepository;

/**
 * The inbox at 100,000 and 1,000,000 stories, through the real path (InboxViewModel, InboxRepository, a direct task
 * runner): the time until its first screen of rows is shown, beside a bare JDBC read of the same first page (the
 * floor); the time until every story's key is in (the last one can be scrolled to) and until the oldest story's row
 * is read; the same for a word typed in the filter; and the heap in use afterwards. The store is built once (bulk
 * JDBC, batched, one commit per 20,000) under target/bench-inbox-COUNT and reused.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx300m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.wiredesk.bench.InboxBenchmark 1000000
 * </pre>
 */
public final class InboxBenchmark {
    private static final int ROUNDS = 7;

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (org.wiredesk.store.TestDesk desk = openOrBuild(count)) {
            if (args.length > 1 && args[1].equals("--build-only")) {
                return;
            }
            Database db = desk.owner();
            StoryRepository stories = new StoryRepository(db);
            InboxRepository inbox = new InboxRepository(db);
            for (int warm = 0; warm < 3; warm++) {
                bareFirstPage(db);
                open(stories, inbox, "");
            }
            long[] bare = new long[ROUNDS];
            Opened[] opened = new Opened[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long t = System.nanoTime();
                int n = bareFirstPage(db);
                bare[r] = System.nanoTime() - t;
                opened[r] = open(stories, inbox, "");
                if (n != 100 || opened[r].firstRows < 100) {
                    throw new IllegalStateException("first page: JDBC " + n + ", inbox " + opened[r].firstRows);
                }
            }
            Opened last = opened[ROUNDS - 1];
            System.out.printf("%,d stories, %,d listed: first screen (100 rows) bare JDBC median %.1f ms; inbox "
                    + "median %.1f ms (min %.1f, max %.1f; target <= 100 ms)%n", count, last.listed,
                    median(bare), median(Arrays.stream(opened).mapToLong(o -> o.firstScreen).toArray()),
                    Arrays.stream(opened).mapToLong(o -> o.firstScreen).min().orElse(0) / 1e6,
                    Arrays.stream(opened).mapToLong(o -> o.firstScreen).max().orElse(0) / 1e6);
            System.out.printf("  every story's key in (the last can be scrolled to): median %.0f ms; oldest story's "
                    + "row read after that: median %.1f ms; counts and narrowing choices in by %.0f ms%n",
                    median(Arrays.stream(opened).mapToLong(o -> o.allKeys).toArray()),
                    median(Arrays.stream(opened).mapToLong(o -> o.oldest).toArray()),
                    median(Arrays.stream(opened).mapToLong(o -> o.marks).toArray()));
            for (String word : new String[] {"port", "museum deal", "(999999)"}) {
                Opened typed = open(stories, inbox, word);
                System.out.printf("  typed \"%s\": first screen %.1f ms (%d rows), all %,d keys in %.0f ms%n",
                        word, typed.firstScreen / 1e6, typed.firstRows, typed.listed, typed.allKeys / 1e6);
            }
            InboxViewModel held = open(stories, inbox, "").vm;
            System.gc();
            Thread.sleep(200);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("  heap used after GC with the inbox open (%,d stories listed, the oldest read): %.0f MB "
                    + "(max heap %.0f MB; target < 300 MB)%n", held.rows().size(), used / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
    }

    private static final class Opened {
        InboxViewModel vm;
        long firstScreen;
        int firstRows;
        long allKeys;
        long oldest;
        long marks;
        int listed;
    }

    /** Opens the inbox as the desk does and scrolls to its last row. */
    private static Opened open(StoryRepository stories, InboxRepository inbox, String typed) {
        Opened o = new Opened();
        InboxViewModel vm = new InboxViewModel(stories, inbox, null, null, null, new DirectTaskRunner(),
                new StoreChanges());
        o.vm = vm;
        long[] at = new long[3];
        vm.rows().addListener((javafx.collections.ListChangeListener<StorySummary>) c -> {
            at[2] = System.nanoTime(); // the last chunk of keys
            if (at[0] == 0) {
                at[0] = System.nanoTime();
                o.firstRows = vm.rows().size();
            }
        });
        vm.countsProperty().addListener((obs, was, now) -> at[1] = System.nanoTime());
        long t = System.nanoTime();
        if (typed.isEmpty()) {
            vm.reload(); // the direct runner returns once every chunk of keys and the counts are in
        } else {
            vm.filterProperty().set(typed);
        }
        long keysIn = System.nanoTime();
        o.firstScreen = (at[0] == 0 ? keysIn : at[0]) - t; // nothing found: the answer is the empty list
        o.marks = at[1] == 0 ? 0 : at[1] - t;
        o.listed = vm.rows().size();
        if (!vm.complete()) {
            throw new IllegalStateException("the inbox did not list every story");
        }
        if (o.listed > 0) {
            long t2 = System.nanoTime();
            StorySummary oldest = vm.rows().get(o.listed - 1);
            o.oldest = System.nanoTime() - t2;
            if (oldest == null) {
                throw new IllegalStateException("the oldest story was not read");
            }
        }
        o.allKeys = (at[2] == 0 ? keysIn : at[2]) - t;
        return o;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** The floor: the same first page of the same stories, as plainly as JDBC reads it. */
    private static int bareFirstPage(Database db) throws Exception {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, source_name, agency_headline, house_headline, received_ms, status, updated_ms, "
                        + "updated_at_source_ms, language, cluster_id, urgency, published_at_source FROM story "
                        + "--DERBY-PROPERTIES index = story_by_received_id\n"
                        + "WHERE status IN (?, ?, ?, ?, ?) ORDER BY received_ms DESC, id DESC FETCH FIRST 100 ROWS ONLY")) {
            int i = 1;
            for (Status s : InboxViewModel.View.ACTIVE.statuses()) {
                ps.setString(i++, s.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                            rs.getLong(10), rs.getShort(11), rs.getString(12)});
                }
            }
        }
        return out.size();
    }

    /** The benchmark's store for {@code count} stories under target/, built once and reused. */
    static org.wiredesk.store.TestDesk openOrBuild(int count) throws Exception {
        Path dir = Path.of("target", "bench-inbox-" + count);
        System.setProperty("derby.stream.error.file", Path.of("target", "bench-derby.log").toString());
        if (Files.exists(dir.resolve("service.properties"))) {
            return org.wiredesk.store.TestDesk.reopen(dir);
        }
        Path building = Path.of("target", "bench-inbox-" + count + ".building");
        if (Files.exists(building)) {
            try (var walk = Files.walk(building)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        long t = System.nanoTime();
        try (org.wiredesk.store.TestDesk desk = org.wiredesk.store.TestDesk.inDirectory(building, false)) {
            fill(desk.owner(), count);
        }
        Files.move(building, dir);
        System.out.printf("built %,d stories in %.1f s (%s)%n", count, (System.nanoTime() - t) / 1e9, dir);
        return org.wiredesk.store.TestDesk.reopen(dir);
    }

    private static final String[] SOURCES = {"Northgate Wire Service", "Meridian Press Service",
        "Harbour City Chronicle", "Southern Energy Desk", "Eastern Agency", "Capital News"};
    private static final String[] WORDS = {"ministers", "port", "storm", "bank", "rates", "talks", "border",
        "election", "court", "strike", "deal", "quake", "museum", "budget", "housing", "grid", "ferries", "envoy",
        "summit"};
    private static final String[] LANGUAGES = {"en", "en-GB", "fr", "de", "es"};
    private static final String[] OFFSETS = {"Z", "+01:00", "-05:00", "+05:30"};

    /**
     * Bulk stories as ingest leaves them (status NEW, both fingerprints, ids from the story sequence, so the store's
     * own guards accept every row), in batches of 1,000 with one commit per 20,000. Two stories in five share their
     * received time with a neighbour (the inbox's keyset must break ties by id); one in 40 belongs to an event of three
     * reports; one in 500 is urgent; one in 7 names no time at source.
     */
    private static void fill(Database db, int count) throws Exception {
        long start = System.currentTimeMillis() - (long) count * 12_000;
        String guard = arrivalGuard();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            // the arrival guard costs ~1.5 ms a row in Derby (three functions per insert): the rows are made
            // to satisfy it, and it is put back exactly as the migration wrote it before the store is used
            try (Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER story_arrives_new");
            }
            try (PreparedStatement next = c.prepareStatement("VALUES NEXT VALUE FOR story_seq");
                 PreparedStatement story = c.prepareStatement("INSERT INTO story (id, dedup_hash, dedup_key, "
                    + "source_name, agency_headline, language, published_at_source, received_ms, body_html, "
                    + "body_sha256, body_html_sha256, status, updated_ms, cluster_id, urgency) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)")) {
                long clusterFirst = 0;
                for (int i = 1; i <= count; i++) {
                    long id;
                    try (ResultSet rs = next.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    String headline = Character.toUpperCase(WORDS[i % WORDS.length].charAt(0))
                            + WORDS[i % WORDS.length].substring(1) + " " + WORDS[(i * 7) % WORDS.length] + " as "
                            + WORDS[(i * 13) % WORDS.length] + " continues, officials say (" + i + ")";
                    String text = headline + ". " + "The report continues with details from the scene. ".repeat(10);
                    String html = "<p>" + text + "</p>";
                    long received = start + (long) (i - i % 5 / 4) * 12_000; // i % 5 == 4 shares i - 1's time
                    String keyText = "bench-" + i;
                    story.setLong(1, id);
                    story.setString(2, StoryRepository.dedupHash(keyText));
                    story.setString(3, keyText);
                    story.setString(4, SOURCES[i % SOURCES.length]);
                    story.setString(5, headline);
                    story.setString(6, LANGUAGES[i % LANGUAGES.length]);
                    story.setString(7, i % 7 == 0 ? null : java.time.Instant.ofEpochMilli(received - (i % 11) * 600_000L)
                            .atOffset(java.time.ZoneOffset.of(OFFSETS[i % OFFSETS.length])).toString());
                    story.setLong(8, received);
                    story.setString(9, html);
                    story.setString(10, Fingerprint.ofText(text));
                    story.setString(11, Fingerprint.ofHtml(html));
                    story.setLong(12, received);
                    int inEvent = i % 40; // 1, 2, 3: one event's three reports
                    if (inEvent == 1) {
                        clusterFirst = id;
                    }
                    if (inEvent >= 1 && inEvent <= 3) {
                        story.setLong(13, clusterFirst);
                    } else {
                        story.setNull(13, java.sql.Types.BIGINT);
                    }
                    if (i % 500 == 0) {
                        story.setShort(14, (short) 2);
                    } else {
                        story.setNull(14, java.sql.Types.SMALLINT);
                    }
                    story.addBatch();
                    if (i % 1000 == 0) {
                        story.executeBatch();
                    }
                    if (i % 20_000 == 0) {
                        c.commit();
                        System.out.printf("  %,d stories%n", i);
                    }
                }
                story.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.execute(guard);
            }
            c.commit();
        }
    }

    /** The story_arrives_new trigger as the latest migration that makes it writes it. */
    private static String arrivalGuard() throws Exception {
        String script;
        try (var in = StoryRepository.class.getResourceAsStream(
                "migrations/V013__stories_belong_to_their_source.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int from = script.indexOf("CREATE TRIGGER story_arrives_new");
        return script.substring(from, script.indexOf(";\n", from));
    }
}
