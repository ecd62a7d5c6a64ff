package org.wiredesk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.ingest.SourceOutcome;
import org.wiredesk.store.Database;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.StoryRepository;

/**
 * Ingest into a file-backed Derby store: N article pages (the corpus's real pages, each given its own canonical
 * address so every one is a new story) through the whole path: sniff, extract, sanitize, fingerprint, dedup check,
 * insert with history, one transaction per story.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.bench.IngestBenchmark -Dexec.args="10000"</pre>
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path corpus = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"));
        List<byte[]> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String dir : List.of("article-extraction-benchmark/html", "readability/pages")) {
            try (Stream<Path> files = Files.walk(corpus.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("expected.html"))
                        .sorted().toList()) {
                    pages.add(Files.readAllBytes(f));
                    names.add(corpus.relativize(f).toString());
                }
            }
        }
        Path dir = Files.createTempDirectory("wiredesk-ingest-bench");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        long t0 = System.nanoTime();
        try (Database db = org.wiredesk.store.TestDesk.inDirectory(dir.resolve("store"), false).owner()) {
            long t1 = System.nanoTime();
            StoryRepository stories = new StoryRepository(db);
            IngestService ingest = new IngestService(stories, new QuarantineRepository(db), new DocumentLoader(),
                    new org.wiredesk.ingest.StoryGrouper(new org.wiredesk.store.GroupingRepository(db), Clock.systemUTC()),
                    Clock.systemUTC());
            int added = 0;
            int rejected = 0;
            java.util.Map<String, Integer> refused = new java.util.TreeMap<>();
            long bytes = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                byte[] page = withCanonical(pages.get(i % pages.size()), "https://bench.example/story/" + i);
                bytes += page.length;
                SourceOutcome outcome = ingest.ingest(new SourceDocument("page-" + i,
                        URI.create("https://bench.example/page/" + i), page, "text/html; charset=utf-8"), "bench");
                added += outcome.added();
                rejected += outcome.rejected();
                if (outcome.added() == 0) {
                    refused.merge(names.get(i % pages.size()) + ": " + (outcome.duplicates() > 0 ? "duplicate"
                            : String.join("; ", outcome.problems())), 1, Integer::sum);
                }
                if ((i + 1) % 2000 == 0) {
                    double s = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %,6d pages  %6.1f s  %6.1f pages/s%n", i + 1, s, (i + 1) / s);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long listStart = System.nanoTime();
            int listed = stories.summaries(Set.of(), 100_000).size();
            double listMs = (System.nanoTime() - listStart) / 1e6;
            System.out.printf("store opened (created) in %.2f s%n", (t1 - t0) / 1e9);
            System.out.printf("%,d pages (%.0f MB) -> %,d stories, %,d rejected in %.1f s = %.1f pages/s%n", count,
                    bytes / 1e6, added, rejected, seconds, count / seconds);
            System.out.printf("listing all %,d summaries afterwards: %.0f ms%n", listed, listMs);
            refused.forEach((what, n) -> System.out.printf("  not stored x%d: %s%n", n, what));
        }
        long size;
        try (Stream<Path> files = Files.walk(dir.resolve("store"))) {
            size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("store on disk: %.0f MB (%s)%n", size / 1e6, dir);
    }

    /** The page with its own canonical link first in the head, so it is a different story to the dedup check. */
    private static byte[] withCanonical(byte[] page, String url) {
        String html = new String(page, StandardCharsets.UTF_8);
        String link = "<link rel=\"canonical\" href=\"" + url + "\">";
        int head = html.toLowerCase().indexOf("<head");
        int at = head < 0 ? -1 : html.indexOf('>', head);
        String out = at < 0 ? link + html : html.substring(0, at + 1) + link + html.substring(at + 1);
        return out.getBytes(StandardCharsets.UTF_8);
    }
}
