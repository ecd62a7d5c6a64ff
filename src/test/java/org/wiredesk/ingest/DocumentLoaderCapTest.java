package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size cap holds while reading (issue 11): an answer or a file over it is refused after reading one byte past
 * the cap, so a 2 GB answer is never read whole, and a run goes on with the next source.
 */
class DocumentLoaderCapTest {
    private static final long HUGE = 400L * 1024 * 1024;

    private HttpServer server;
    private final AtomicLong sent = new AtomicLong();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // no Content-Length (chunked): the cap can only be found by reading
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                while (sent.get() < HUGE) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheReader) {
                // the desk stopped reading at the cap
            }
        });
        server.createContext("/declared", exchange -> {
            exchange.sendResponseHeaders(200, HUGE);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void anAnswerOverTheCapIsRefusedWithoutBeingReadWhole() {
        assertThatThrownBy(() -> new DocumentLoader().load(url("/endless")))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("sent more than 20 MB");
        assertThat(sent.get()).as("bytes the server got out before the desk hung up").isLessThan(HUGE);
        assertThatThrownBy(() -> new DocumentLoader().load(url("/declared")))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("sent more than 20 MB");
    }

    @Test
    void aFileOverTheCapIsRefusedAndTheRunGoesOnWithTheNext(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(600L * 1024 * 1024); // sparse: 600 MB on paper, nothing on disk
        }
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(java.util.List.of(big.toString(),
                    Corpus.path("feeds/rome/rss_2.0.xml").toString()), "test", o -> { });
            assertThat(report.outcomes()).hasSize(2);
            assertThat(report.outcomes().get(0).line()).contains("is larger than 20 MB");
            assertThat(report.outcomes().get(1).added()).isPositive();
        }
    }
}
