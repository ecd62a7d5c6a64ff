package org.wiredesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskApp;
import org.wiredesk.desk.MainWindow;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.FxTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.desk.editor.EditorViewModel;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.TestDesk;

/**
 * Opening a story in the editor at 100,000 stories (issue 12 point 5): from {@code openEditor} in the real desk
 * window (headless, on Monocle, with the app's own task runner) until the editor is laid out with the story's
 * headline in the field and the field focused, ready to type. Beside it, the editor's view-model load alone, and a
 * bare JDBC read of the same story's row. The store is built once with batched JDBC under target/ and reused.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.bench.EditorOpenBenchmark -Dexec.args="100000 200"</pre>
 */
public final class EditorOpenBenchmark {
    private EditorOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        for (String option : org.wiredesk.desk.editor.TypingDesk.HEADLESS) {
            String[] kv = option.substring(2).split("=", 2);
            System.setProperty(kv[0], kv[1]);
        }
        Path dir = Path.of("target", "bench-editor-" + count);
        System.setProperty("derby.stream.error.file", Path.of("target", "bench-derby.log").toString());
        if (!Files.exists(dir)) {
            long t = System.nanoTime();
            try (TestDesk desk = TestDesk.inDirectory(dir, false)) {
                fill(desk.owner(), count);
            }
            System.out.printf("built %,d stories in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
        }
        Random random = new Random(20261128L);
        long[] ids = random.longs(opens + 40, 1, count + 1).distinct().toArray();
        // the second window series opens other stories, so none of them is opened twice
        long[] others = random.longs(4L * (opens + 40), 1, count + 1).distinct()
                .filter(id -> Arrays.stream(ids).noneMatch(i -> i == id)).limit(ids.length).toArray();
        try (TestDesk desk = TestDesk.reopen(dir);
             AppContext app = AppContext.open(desk.owner(), Path.of("target", "bench-editor-site"),
                     Clock.systemDefaultZone())) {
            double[] bare = bare(app.database(), ids);
            double[] model = viewModel(app, ids);
            double[][] window = window(app, ids, others);
            System.out.printf("%,d stories, %d opens each (after 40 to warm up), ms:%n", count, ids.length - 40);
            print("bare JDBC read of the story's row", bare);
            print("editor view-model load (every query it makes)", model);
            print("open in the desk -> editor shown, headline focused", window[0]);
            print("  the same, 50 ms after the last tab closed", window[1]);
        }
        Platform.exit();
    }

    private static void print(String what, double[] ms) {
        double[] run = Arrays.copyOfRange(ms, 40, ms.length);
        Arrays.sort(run);
        System.out.printf("  %-52s median %6.1f  p95 %6.1f  max %6.1f%n", what, run[run.length / 2],
                run[(int) Math.ceil(run.length * 0.95) - 1], run[run.length - 1]);
    }

    /** The story's row as plainly as JDBC reads it: what the editor shows of it. */
    private static double[] bare(Database db, long[] ids) throws Exception {
        double[] ms = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            long t = System.nanoTime();
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT id, source_name, url, agency_headline, house_headline, received_ms, body_html, "
                            + "body_sha256, status FROM story WHERE id = ?")) {
                ps.setLong(1, ids[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(7).isEmpty()) {
                        throw new IllegalStateException("no story " + ids[i]);
                    }
                }
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    /** The editor's load on this thread: claim, story, history, thread, drafts; then it lets the story go. */
    private static double[] viewModel(AppContext app, long[] ids) {
        double[] ms = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            long t = System.nanoTime();
            EditorViewModel vm = new EditorViewModel(new StoryId(ids[i]), app.desk(), app.user(),
                    new DirectTaskRunner(), new StoreChanges(), app.houseStyle(), Debouncer.IMMEDIATE);
            vm.load();
            if (!vm.editableProperty().get()) {
                throw new IllegalStateException("story " + ids[i] + " did not open to edit: " + vm.messageProperty().get());
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
            vm.closeNow();
        }
        return ms;
    }

    /**
     * The real window: openEditor on the FX thread until the pulse that lays out the loaded, focused editor. Two
     * series: each open with the desk idle (the last close's release, and the reloads of every screen it set off,
     * done), and each open 50 ms after the last tab closed, while those reloads still run (the only series before).
     */
    private static double[][] window(AppContext app, long[] idle, long[] hurried) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        FxTaskRunner pool = new FxTaskRunner();
        Counting runner = new Counting(pool);
        Scene scene = onFx(() -> {
            MainWindow w = new MainWindow(WireDeskApp.services(app, runner, new StoreChanges(), url -> { }));
            Stage stage = new Stage();
            Scene s = new Scene(w.root(), 1280, 800);
            s.getStylesheets().add(WireDeskApp.stylesheet());
            stage.setScene(s);
            stage.show();
            w.start();
            s.setUserData(w);
            return s;
        });
        MainWindow w = (MainWindow) scene.getUserData();
        Thread.sleep(3000); // the inbox's first load, off the FX thread, is done
        double[] whenIdle = new double[idle.length];
        for (int i = 0; i < idle.length; i++) {
            settle(runner);
            whenIdle[i] = openAndClose(app, scene, w, idle[i]);
        }
        double[] afterClose = new double[hurried.length];
        for (int i = 0; i < hurried.length; i++) {
            afterClose[i] = openAndClose(app, scene, w, hurried[i]);
            Thread.sleep(50); // the release, off the FX thread
        }
        settle(runner); // the last releases call back before the pool closes
        onFx(() -> {
            w.stop();
            return null;
        });
        pool.close();
        return new double[][] {whenIdle, afterClose};
    }

    private static double openAndClose(AppContext app, Scene scene, MainWindow w, long id) throws Exception {
        String expected = app.stories().find(new StoryId(id)).orElseThrow().agencyHeadline().text();
        CompletableFuture<Double> shown = new CompletableFuture<>();
        onFx(() -> {
            long t0 = System.nanoTime();
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (scene.getFocusOwner() instanceof TextField f && "editor-house-headline".equals(f.getId())
                        && f.isEditable() && expected.equals(f.getText())) {
                    shown.complete((System.nanoTime() - t0) / 1e6);
                    scene.removePostLayoutPulseListener(check[0]);
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            w.openEditor(new StoryId(id));
            return null;
        });
        double ms = shown.get(60, TimeUnit.SECONDS);
        onFx(() -> {
            w.closeStoryTab(); // as Ctrl+W and the tab's close button do: back to the inbox it was opened from
            return null;
        });
        return ms;
    }

    /** Waits until no background task of the desk is running or waiting to call back, twice 50 ms apart. */
    private static void settle(Counting runner) throws Exception {
        int quiet = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (quiet < 2 && System.nanoTime() < until) {
            Thread.sleep(50);
            onFx(() -> null); // what the FX thread was handed so far has run
            quiet = runner.inFlight.get() == 0 ? quiet + 1 : 0;
        }
    }

    /** The desk's task runner, counting the tasks under way (from handing over until the callback has run). */
    private static final class Counting implements TaskRunner {
        private final TaskRunner runner;
        private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

        Counting(TaskRunner runner) {
            this.runner = runner;
        }

        @Override
        public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess,
                            java.util.function.Consumer<Throwable> onFailure) {
            inFlight.incrementAndGet();
            runner.run(work, result -> {
                try {
                    onSuccess.accept(result);
                } finally {
                    inFlight.decrementAndGet();
                }
            }, e -> {
                try {
                    onFailure.accept(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    /**
     * Stories as ingest leaves them, each with its key and its arrival in the history chain, in batches of 1,000 and
     * one commit: the guards of V007 check every row as they would an ingest (ids from their sequences, both
     * fingerprints, the chain link recomputed).
     */
    private static void fill(Database db, int count) throws Exception {
        String[] sources = {"Northgate Wire Service", "Meridian Press Service", "Harbour City Chronicle",
                "Southern Energy Desk", "Eastern Agency", "Capital News"};
        String[] words = {"ministers", "port", "storm", "bank", "rates", "talks", "border", "election", "court",
                "strike", "deal", "quake", "museum", "budget", "housing", "grid", "ferries", "envoy", "summit"};
        long now = System.currentTimeMillis();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            String head;
            long seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, row_hash FROM chain_head");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                head = rs.getString(2);
            }
            try (PreparedStatement nextStory = c.prepareStatement("VALUES NEXT VALUE FOR story_seq");
                 PreparedStatement nextChange = c.prepareStatement("VALUES NEXT VALUE FOR status_change_seq");
                 PreparedStatement story = c.prepareStatement("INSERT INTO story (id, dedup_hash, dedup_key, "
                    + "source_name, url, agency_headline, received_ms, body_html, body_sha256, body_html_sha256, "
                    + "status, updated_ms, url_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO story_key (key_hash, story_id) VALUES (?, ?)");
                 PreparedStatement change = c.prepareStatement("INSERT INTO status_change (id, story_id, "
                         + "from_status, to_status, actor, reason, at_ms, chain_seq, prev_hash, row_hash) "
                         + "VALUES (?, ?, NULL, 'NEW', LOWER(CURRENT_USER), ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= count; i++) {
                    long id = next(nextStory);
                    String headline = Character.toUpperCase(words[i % words.length].charAt(0))
                            + words[i % words.length].substring(1) + " " + words[(i * 7) % words.length] + " as "
                            + words[(i * 13) % words.length] + " continues, officials say (" + i + ")";
                    String text = headline + ". " + "The report continues with details. ".repeat(40);
                    String body = "<p>" + text + "</p>";
                    String keyText = "bench-editor-" + i;
                    String url = "https://bench.example/" + i;
                    long at = now - (long) i * 30_000;
                    String source = sources[i % sources.length];
                    story.setLong(1, id);
                    story.setString(2, StoryRepository.dedupHash(keyText));
                    story.setString(3, keyText);
                    story.setString(4, source);
                    story.setString(5, url);
                    story.setString(6, headline);
                    story.setLong(7, at);
                    story.setString(8, body);
                    story.setString(9, Fingerprint.ofText(text));
                    story.setString(10, Fingerprint.ofHtml(body));
                    story.setLong(11, at);
                    story.setString(12, StoryRepository.dedupHash(url));
                    story.addBatch();
                    key.setString(1, StoryRepository.dedupHash(keyText));
                    key.setLong(2, id);
                    key.addBatch();
                    String reason = "ingested from " + source;
                    String hash = org.wiredesk.story.ChainLink.status(head, seq + 1, id, null, "NEW",
                            TestDesk.OWNER, reason, at);
                    change.setLong(1, next(nextChange));
                    change.setLong(2, id);
                    change.setString(3, reason);
                    change.setLong(4, at);
                    change.setLong(5, seq + 1);
                    change.setString(6, head);
                    change.setString(7, hash);
                    change.addBatch();
                    seq++;
                    head = hash;
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
            c.commit();
        }
    }

    private static long next(PreparedStatement sequence) throws Exception {
        try (ResultSet rs = sequence.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
