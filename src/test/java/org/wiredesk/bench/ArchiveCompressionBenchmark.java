package org.wiredesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * How much the archive of originals keeps (ADR 30): the corpus's real pages, feeds and agency items gzip-compressed
 * as {@code org.wiredesk.store.Original} does it (java.util.zip, default level, 64 KB buffer), per folder: raw and
 * compressed megabytes, the ratio, and the speed on one core (the second of two rounds).
 *
 * <pre>mvn -B -q -o test-compile
 * java -cp target/test-classes:target/classes org.wiredesk.bench.ArchiveCompressionBenchmark</pre>
 */
public final class ArchiveCompressionBenchmark {
    private ArchiveCompressionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"));
        for (String dir : List.of("readability/pages", "article-extraction-benchmark/html", "trafilatura-eval/html",
                "feeds", "agency")) {
            List<byte[]> docs = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(corpus.resolve(dir))) {
                for (Path f : walk.filter(Files::isRegularFile).filter(p -> {
                    String name = p.getFileName().toString();
                    return !name.matches("(?i).*\\.(md|txt)$") && !name.equals("expected.html")
                            && !name.equals("expected-metadata.json");
                }).sorted().toList()) {
                    docs.add(Files.readAllBytes(f));
                }
            }
            long raw = 0;
            long gz = 0;
            long nanos = 0;
            for (int round = 0; round < 2; round++) {
                raw = 0;
                gz = 0;
                long t0 = System.nanoTime();
                for (byte[] doc : docs) {
                    raw += doc.length;
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024)) {
                        zip.write(doc);
                    }
                    gz += out.size();
                }
                nanos = System.nanoTime() - t0;
            }
            System.out.printf("%-36s %4d documents %7.1f MB raw %6.1f MB gzip  ratio %.2f  %4.0f MB/s%n", dir,
                    docs.size(), raw / 1e6, gz / 1e6, (double) raw / gz, raw / 1e6 / (nanos / 1e9));
        }
    }
}
