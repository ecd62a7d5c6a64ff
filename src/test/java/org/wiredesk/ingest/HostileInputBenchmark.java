package org.wiredesk.ingest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The worst cases of issue 11, point 3, each through the real ingest path into an in-memory store: how long each
 * takes and the most heap it held. Run it with the heap capped, so that "under 512 MB" is what the JVM allowed:
 *
 * <pre>MAVEN_OPTS=-Xmx512m mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.ingest.HostileInputBenchmark</pre>
 */
public final class HostileInputBenchmark {
    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    private HostileInputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("wiredesk-hostile");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            endless(exchange.getResponseBody());
        });
        server.createContext("/declared", exchange -> {
            exchange.sendResponseHeaders(200, TWO_GB);
            endless(exchange.getResponseBody());
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path huge = dir.resolve("huge.xml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(600L * 1024 * 1024); // sparse: 600 MB on paper
        }
        byte[] deep = HostileInputTest.nestedPage(100_000);
        byte[] deepEmpty = ("<html><body>" + "<div>".repeat(100_000) + "<p>Menu</p>" + "</div>".repeat(100_000)
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] comments = ("<html><body><p>Start</p>" + "<!-- x ".repeat(2 * 1024 * 1024 / 7) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        System.out.printf("java %s, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try (IngestFixture fx = new IngestFixture()) {
            IngestService ingest = fx.service;
            ingest.ingest(new SourceDocument("warm-up.html", null, HostileInputTest.ARTICLE.getBytes(
                    StandardCharsets.UTF_8), null), "bench");
            // each page twice: the first run pays for the JIT compiling the parser, as a desk's first page does
            for (String run : List.of("first", "again")) {
                measure("page nested 100,000 deep, article (" + mb(deep.length) + "), " + run,
                        () -> ingest.ingest(new SourceDocument("deep-" + run + ".html", null, deep, null), "bench")
                                .line());
                measure("page nested 100,000 deep, no article (" + mb(deepEmpty.length) + "), " + run,
                        () -> ingest.ingest(new SourceDocument("deep-empty.html", null, deepEmpty, null), "bench")
                                .line());
                measure("unclosed <!-- repeated (" + mb(comments.length) + "), " + run,
                        () -> ingest.ingest(new SourceDocument("comments.html", null, comments, null), "bench")
                                .line());
            }
            measure("600 MB file", () -> ingest.ingest(List.of(huge.toString()), "bench", o -> { }).outcomes()
                    .get(0).line());
            measure("2 GB HTTP answer, chunked", () -> ingest.ingest(List.of(base + "/chunked"), "bench", o -> { })
                    .outcomes().get(0).line());
            measure("2 GB HTTP answer, Content-Length declared", () -> ingest.ingest(List.of(base + "/declared"),
                    "bench", o -> { }).outcomes().get(0).line());
        } finally {
            server.stop(0);
        }
    }

    private static void endless(OutputStream body) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        long sent = 0;
        try (OutputStream out = body) {
            while (sent < TWO_GB) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException hungUp) {
            // the desk stopped reading at its cap
        }
    }

    private static void measure(String what, Supplier<String> run) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        String outcome = run.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%-58s %6.2f s  heap peak %4d MB  %s%n", what, seconds, peak / (1024 * 1024), outcome);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
