package org.wiredesk.desk.editor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.DemoWire;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.DirectTaskRunner;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.story.Action;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.EditingRepository;
import org.wiredesk.store.TestDesk;

/**
 * Kill trials for issue 12 point 9: a copy editor types a headline in a real desk in a child JVM ({@link TypingDesk}),
 * the child is killed with SIGKILL at a random moment, during the typing or just after it, and the store is opened
 * again to see what was kept. A key typed more than {@link #PROMISE_MS} before the kill must be in what was kept.
 */
public final class KillTrials {
    static final String MEMBER = "kim";
    /** What the editor promises: nothing typed this long before a crash is lost. */
    public static final long PROMISE_MS = 150;
    /** Pauses between keys: a fast typist's run with the odd hesitation (the quiet timer is 80 ms). */
    static final int SHORTEST_PAUSE_MS = 15;
    static final int LONGEST_PAUSE_MS = 140;
    /** Kills after the last key fall within this long after it. */
    static final int AFTER_TYPING_MS = 300;

    private static final String[] HEADLINES = {"Calder port reopens after storm", "Ferry strike ends in Harbour City",
            "Grid operator warns of outages", "Court halts border fence work", "Museum returns bronze to Benin",
            "Rates held as inflation slows", "Envoys agree on summit date", "Quake shakes northern valleys"};

    private final Path home;
    private final Path store;
    private final List<StoryId> stories;

    /** What one trial saw. {@code keptLength} is -1 when nothing was kept. */
    public record Outcome(int trial, boolean afterTyping, String typed, int keysTyped, int mustKeep, int keptLength,
                          long killMicros, long lastKeyBeforeKillAgoMs, long oldestUnkeptAgoMs, Instant keptAt,
                          long keptLastKeyMicros, String offered, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private KillTrials(Path home, Path store, List<StoryId> stories) {
        this.home = home;
        this.store = store;
        this.stories = stories;
    }

    /** A new store under {@code home} with the demo wire and a copy editor, ready for trials. */
    public static KillTrials prepare(Path home) {
        Path store = home.resolve("store");
        List<StoryId> ids = new ArrayList<>();
        try (TestDesk desk = TestDesk.inDirectory(store, false)) {
            desk.add(MEMBER, Role.EDITOR, Role.COPY_EDITOR);
            try (AppContext app = AppContext.open(desk.as(MEMBER), home.resolve("site"), Clock.systemUTC())) {
                DemoWire.ingest(app.ingest(), MEMBER);
                app.stories().findAll(Set.of()).stream().filter(s -> Action.DRAFT.allowedFrom(s.status()))
                        .forEach(s -> ids.add(s.id()));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the demo wire gave no story to retitle");
        }
        return new KillTrials(home, store, ids);
    }

    /** Runs one trial: odd ones kill during the typing, even ones after the last key. */
    public Outcome run(int trial, Random random) throws Exception {
        StoryId id = stories.get(trial % stories.size());
        String text = HEADLINES[trial % HEADLINES.length];
        boolean afterTyping = trial % 2 == 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath(),
                "-Dderby.stream.error.file=" + home.resolve("child-derby.log")));
        command.addAll(List.of(TypingDesk.HEADLESS));
        command.addAll(List.of(TypingDesk.class.getName(), store.toString(), Long.toString(id.value()), text,
                Long.toString(random.nextLong()), Integer.toString(SHORTEST_PAUSE_MS),
                Integer.toString(LONGEST_PAUSE_MS)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        long started = System.nanoTime();
        Process child = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> drain(child, lines), "kill-trial-reader");
        reader.setDaemon(true);
        reader.start();

        String mark = afterTyping ? "typed " : "ready ";
        if (!waitFor(lines, mark, child)) {
            child.destroyForcibly();
            return failed(trial, afterTyping, text, "the child never said " + mark.strip() + ": " + lines);
        }
        System.out.printf("  child up and %s in %.1f s%n", mark.strip(), (System.nanoTime() - started) / 1e9);
        long expectedTypingMs = (long) text.length() * (SHORTEST_PAUSE_MS + LONGEST_PAUSE_MS) / 2;
        Thread.sleep(random.nextInt((int) (afterTyping ? AFTER_TYPING_MS : expectedTypingMs) + 1));
        long killMicros = TypingDesk.micros(Instant.now());
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally, nothing flushed
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            return failed(trial, afterTyping, text, "the killed child did not end");
        }
        reader.join(5_000);

        List<long[]> keys = new ArrayList<>(); // {n, micros}
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("key")) {
                keys.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        int mustKeep = 0;
        long lastKeyAgo = -1;
        for (long[] k : keys) {
            if (k[1] <= killMicros) {
                lastKeyAgo = (killMicros - k[1]) / 1000;
            }
            if (killMicros - k[1] > PROMISE_MS * 1000) {
                mustKeep = (int) k[0];
            }
        }
        long checking = System.nanoTime();
        Outcome outcome = check(trial, afterTyping, id, text, keys, mustKeep, killMicros, lastKeyAgo);
        System.out.printf("  checked in %.1f s%n", (System.nanoTime() - checking) / 1e9);
        return outcome;
    }

    /** Opens the store again as the copy editor: what was kept, and what the editor offers back. */
    private Outcome check(int trial, boolean afterTyping, StoryId id, String text, List<long[]> keys, int mustKeep,
                          long killMicros, long lastKeyAgo) {
        try (TestDesk desk = TestDesk.reopen(store);
             AppContext app = AppContext.open(desk.as(MEMBER), home.resolve("site"), Clock.systemUTC())) {
            var kept = new EditingRepository(app.database()).autosaved(id, MEMBER).orElse(null);
            int keptLength = -1;
            String problem = null;
            long keptLastKey = 0;
            if (kept != null) {
                keptLength = kept.headline().length();
                if (!text.startsWith(kept.headline()) || keptLength > keys.size()) {
                    problem = "kept \"" + kept.headline() + "\", which was never the field's text";
                } else {
                    keptLastKey = keys.get(keptLength - 1)[1];
                    if (kept.saved().toEpochMilli() < keptLastKey / 1000 || kept.saved().toEpochMilli() * 1000
                            > killMicros + 1_000_000) {
                        problem = "kept at " + kept.saved() + ", outside its last key (" + keptLastKey
                                + " µs) and the kill (" + killMicros + " µs)";
                    }
                }
            }
            // the oldest key not kept (the one after what was kept): how long before the kill it was typed
            long oldestUnkept = keys.size() > Math.max(keptLength, 0)
                    ? (killMicros - keys.get(Math.max(keptLength, 0))[1]) / 1000 : -1;
            if (Math.max(keptLength, 0) < mustKeep) {
                problem = "lost keys " + (Math.max(keptLength, 0) + 1) + ".." + mustKeep + " of \"" + text
                        + "\", the oldest typed " + oldestUnkept + " ms before the kill";
            }
            String offered = null;
            EditorViewModel vm = new EditorViewModel(id, app.desk(), app.user(), new DirectTaskRunner(),
                    new StoreChanges(), app.houseStyle(), Debouncer.IMMEDIATE);
            vm.load();
            if (kept != null) {
                RecoveredDraft draft = vm.recoveredProperty().get();
                offered = draft == null ? null : draft.sentence(ZoneId.systemDefault(), Instant.now());
                if (problem == null && (draft == null || !vm.houseHeadlineProperty().get().equals(kept.headline())
                        || !draft.keptAt().equals(kept.saved()) || draft.olderThanRevision())) {
                    problem = "the editor did not offer back \"" + kept.headline() + "\" kept at " + kept.saved()
                            + ": field \"" + vm.houseHeadlineProperty().get() + "\", offer " + draft;
                }
            }
            vm.closeNow();
            new EditingRepository(app.database()).clearAutosave(id, MEMBER); // the next trial on it starts clean
            return new Outcome(trial, afterTyping, text, keys.size(), mustKeep, keptLength, killMicros, lastKeyAgo,
                    oldestUnkept, kept == null ? null : kept.saved(), keptLastKey, offered, problem);
        } catch (RuntimeException e) {
            return failed(trial, afterTyping, text, "the store did not reopen: " + e);
        }
    }

    /**
     * This JVM's class path for the child: the tests' own under surefire; under {@code exec:java}, whose JVM is
     * Maven's, the project's class loader's.
     */
    static String classPath() {
        ClassLoader loader = KillTrials.class.getClassLoader();
        if (loader instanceof java.net.URLClassLoader urls) {
            List<String> parts = new ArrayList<>();
            for (java.net.URL url : urls.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static Outcome failed(int trial, boolean afterTyping, String text, String problem) {
        return new Outcome(trial, afterTyping, text, 0, 0, -1, 0, -1, -1, null, 0, null, problem);
    }

    private static boolean waitFor(List<String> lines, String prefix, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                return true;
            }
            if (lines.stream().anyMatch(l -> l.startsWith("failed "))) {
                return false;
            }
            if (!child.isAlive()) {
                Thread.sleep(200); // the reader's last lines
                return lines.stream().anyMatch(l -> l.startsWith(prefix));
            }
            Thread.sleep(2);
        }
        return false;
    }

    private static void drain(Process child, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(reading the child failed: " + e + ")");
        }
    }

    /**
     * A larger run than the test's, with the figures for docs/benchmarks.md.
     *
     * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.desk.editor.KillTrials -Dexec.args="100"</pre>
     */
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261128L;
        Path home = java.nio.file.Files.createTempDirectory("wiredesk-kill-trials");
        System.setProperty("derby.stream.error.file", home.resolve("derby.log").toString());
        KillTrials kills = prepare(home);
        Random random = new Random(seed);
        List<Outcome> outcomes = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < trials; i++) {
            Outcome o = kills.run(i, random);
            outcomes.add(o);
            System.out.println(describe(o));
        }
        System.out.println(summary(outcomes, (System.nanoTime() - t0) / 1e9));
    }

    static String describe(Outcome o) {
        return String.format("trial %3d %-6s keys %2d must keep %2d kept %2d  last key %4d ms before the kill, "
                + "oldest key not kept %4d ms%s", o.trial(), o.afterTyping() ? "after" : "during", o.keysTyped(),
                o.mustKeep(), o.keptLength(), o.lastKeyBeforeKillAgoMs(), o.oldestUnkeptAgoMs(),
                o.ok() ? "" : "  FAILED: " + o.problem());
    }

    /** The figures: trials, failures, and how far behind the kill what was kept was. */
    static String summary(List<Outcome> outcomes, double seconds) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        long lostInPromise = outcomes.stream().filter(o -> o.oldestUnkeptAgoMs() > PROMISE_MS).count();
        long allKept = outcomes.stream().filter(o -> o.keysTyped() > 0 && o.oldestUnkeptAgoMs() < 0).count();
        long[] unkept = outcomes.stream().mapToLong(Outcome::oldestUnkeptAgoMs).filter(a -> a >= 0).sorted()
                .toArray();
        return String.format("%d trials in %.0f s: %d failed, %d lost a key typed more than %d ms before the kill; "
                + "%d kept every key typed; in the %d that had not kept the last keys, the oldest key not kept was "
                + "typed %s ms before the kill (median %s)", outcomes.size(), seconds, failed, lostInPromise,
                PROMISE_MS, allKept, unkept.length, unkept.length == 0 ? "-" : Long.toString(unkept[unkept.length - 1]),
                unkept.length == 0 ? "-" : Long.toString(unkept[unkept.length / 2]));
    }
}
