package org.wiredesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.wiredesk.ingest.Article;
import org.wiredesk.ingest.ArticleExtractor;
import org.wiredesk.ingest.HtmlSanitizer;
import org.wiredesk.ingest.SourceDocument;

/**
 * Extraction speed against its floor, side by side in one run: Jsoup parse + body text (the floor) and WireDesk's
 * extraction (parse, metadata, body, sanitize, paragraphs) over the same real pages, in alternating rounds.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.bench.ExtractionBenchmark [-Dexec.args="ROUNDS"]</pre>
 */
public final class ExtractionBenchmark {
    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path corpus = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"));
        List<SourceDocument> pages = new ArrayList<>();
        for (String dir : List.of("article-extraction-benchmark/html", "readability/pages")) {
            try (Stream<Path> files = Files.walk(corpus.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("expected.html"))
                        .sorted().toList()) {
                    pages.add(new SourceDocument(f.toString(), URI.create("https://example.org/" + f.getFileName()),
                            Files.readAllBytes(f), "text/html; charset=utf-8"));
                }
            }
        }
        long bytes = pages.stream().mapToLong(p -> p.content().length).sum();
        System.out.printf("%d pages, %.1f MB (mean %.0f KB), %d rounds, Java %s, %d cores%n", pages.size(),
                bytes / 1e6, bytes / 1e3 / pages.size(), rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        ArticleExtractor extractor = new ArticleExtractor();
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            sink += floor(pages) + extract(pages, extractor, sanitizer);
        }
        // page by page, alternating which goes first, so a slow moment of a shared machine hits both alike
        long floorNanos = 0;
        long extractNanos = 0;
        // CPU time of this thread as well as wall time: on a shared machine another build's load stretches the wall
        // clock of both sides, but the CPU time each side used stays close to what an idle machine gives
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long floorCpu = 0;
        long extractCpu = 0;
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long roundFloor = 0;
            long roundExtract = 0;
            long roundFloorCpu = 0;
            long roundExtractCpu = 0;
            for (int i = 0; i < pages.size(); i++) {
                List<SourceDocument> one = pages.subList(i, i + 1);
                boolean floorFirst = (i + r) % 2 == 0;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += floorFirst ? floor(one) : extract(one, extractor, sanitizer);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                sink += floorFirst ? extract(one, extractor, sanitizer) : floor(one);
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                roundFloor += floorFirst ? t1 - t0 : t2 - t1;
                roundExtract += floorFirst ? t2 - t1 : t1 - t0;
                roundFloorCpu += floorFirst ? c1 - c0 : c2 - c1;
                roundExtractCpu += floorFirst ? c2 - c1 : c1 - c0;
            }
            floorNanos += roundFloor;
            extractNanos += roundExtract;
            floorCpu += roundFloorCpu;
            extractCpu += roundExtractCpu;
            ratios[r] = roundFloor / (double) roundExtract;
            cpuRatios[r] = roundFloorCpu / (double) roundExtractCpu;
        }
        java.util.Arrays.sort(ratios);
        java.util.Arrays.sort(cpuRatios);
        double floor = pages.size() * (double) rounds / (floorNanos / 1e9);
        double extract = pages.size() * (double) rounds / (extractNanos / 1e9);
        System.out.printf("Jsoup parse + body().text()      : %7.1f pages/s (over %d rounds)%n", floor, rounds);
        System.out.printf("WireDesk extraction (full)       : %7.1f pages/s (over %d rounds)%n", extract, rounds);
        System.out.printf("ratio extraction / floor         : %7.2f  (rounds: min %.2f, median %.2f, max %.2f;"
                + " target >= 0.75)%n", extract / floor, ratios[0], ratios[rounds / 2], ratios[rounds - 1]);
        System.out.printf("ratio by thread CPU time         : %7.2f  (rounds: min %.2f, median %.2f, max %.2f;"
                + " floor %.2f ms, extraction %.2f ms of CPU per page)%n", floorCpu / (double) extractCpu,
                cpuRatios[0], cpuRatios[rounds / 2], cpuRatios[rounds - 1], floorCpu / 1e6 / pages.size() / rounds,
                extractCpu / 1e6 / pages.size() / rounds);
        System.out.println("(checksum " + sink + ")");
    }

    private static long floor(List<SourceDocument> pages) throws IOException {
        long n = 0;
        for (SourceDocument p : pages) {
            n += Jsoup.parse(new java.io.ByteArrayInputStream(p.content()), "UTF-8", p.location().toString())
                    .body().text().length();
        }
        return n;
    }

    private static long extract(List<SourceDocument> pages, ArticleExtractor extractor, HtmlSanitizer sanitizer) {
        long n = 0;
        for (SourceDocument p : pages) {
            Article a = extractor.extract(p);
            n += a.bodyText().length() + (a.headline() == null ? 0 : a.headline().length());
        }
        return n;
    }
}
