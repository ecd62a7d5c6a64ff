package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.QuarantineEntry;
import org.wiredesk.story.Source;
import org.wiredesk.store.SourceRepository;

/**
 * Hostile input (issue 11, point 3): each case is refused with one clear sentence or ingested, and none stops the
 * run. Outcomes only; how long each takes is measured by HostileInputBenchmark (docs/benchmarks.md).
 */
class HostileInputTest {
    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    private final IngestFixture fx = new IngestFixture();
    private final SourceRepository sources = new SourceRepository(fx.database);
    private final DocumentLoader loader = new DocumentLoader(Duration.ofSeconds(10));
    private final IngestService ingest = new IngestService(fx.stories, fx.quarantine, loader,
            new StoryGrouper(fx.grouping, IngestFixture.CLOCK), IngestFixture.CLOCK);
    private final SourcePoller poller = new SourcePoller(sources, ingest, loader, IngestFixture.CLOCK);
    private final AtomicLong sent = new AtomicLong();
    private HttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (server != null) {
            server.stop(0);
        }
        fx.close();
    }

    /** A page nested {@code levels} deep around two paragraphs: 2.7 MB at 100,000 levels. */
    static byte[] nestedPage(int levels) {
        String paragraph = "<p>The council approved the budget on Thursday after a long debate that ran into the "
                + "night, with the opposition voting against every line of it, the mayor's office said.</p>"
                + "<p>The budget raises spending on schools and roads by a fifth and cuts the council's own costs, "
                + "and it takes effect in January, when the new financial year begins.</p>";
        return ("<html><head><title>Council approves budget</title>"
                + "<meta property=\"og:type\" content=\"article\"></head><body>"
                + "<div class=\"section\">".repeat(levels) + paragraph + "</div>".repeat(levels) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static final String ARTICLE = "<html><head><title>Port reopens after the storm</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<p>The Port of Calder reopened to shipping on Thursday after a storm that closed it for three days, the "
            + "port authority said, with the first vessels entering the harbour shortly after dawn.</p>"
            + "<p>More than 40 ships had waited at anchor off the coast since Monday, shipping agents said, and it "
            + "would take about a week to clear the backlog.</p></article></body></html>";

    @Test
    void aPageNestedAHundredThousandLevelsDeepIsIngestedWithItsWholeBody() {
        byte[] page = nestedPage(100_000);
        assertThat(page.length).isGreaterThan(2_500_000);
        SourceOutcome outcome = fx.service.ingest(new SourceDocument("deep.html", null, page, null), "test");
        assertThat(outcome.added()).as(outcome.line()).isEqualTo(1);
        assertThat(BodyText.of(fx.stories.findAll(Set.of()).get(0).body().html()))
                .startsWith("The council approved the budget on Thursday")
                .endsWith("when the new financial year begins.");
    }

    @Test
    void aPageNestedAHundredThousandLevelsDeepWithoutArticleTextIsRefusedSayingHowDeepAndKeptWithItsBytes() {
        byte[] page = ("<html><body>" + "<div>".repeat(100_000) + "<p>Menu</p>" + "</div>".repeat(100_000)
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
        SourceOutcome outcome = fx.service.ingest(new SourceDocument("deep.html", null, page, null), "test");
        assertThat(outcome.added()).isZero();
        assertThat(outcome.problems()).singleElement().asString().isEqualTo("not an article: the page has no article "
                + "text, and its markup nests 100002 levels deep (the parser keeps 512)");
        QuarantineEntry kept = fx.quarantine.open().get(0);
        assertThat(fx.quarantine.content(kept.id())).hasValueSatisfying(b -> assertThat(b).hasSize(page.length));
    }

    @Test
    void aDropFolderRefusesA600MegabyteFileUnreadAndTakesTheNextFile() throws IOException {
        Path drop = Files.createDirectory(dir.resolve("drop"));
        try (RandomAccessFile f = new RandomAccessFile(drop.resolve("a-huge.xml").toFile(), "rw")) {
            f.setLength(600L * 1024 * 1024); // sparse: 600 MB on paper, nothing on disk
        }
        Files.writeString(drop.resolve("b-port.html"), ARTICLE);
        sources.save(new Source(0, "Drop", drop.toString(), Source.Kind.FOLDER, Duration.ofMinutes(5), null, true));
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> {
            assertThat(r.ok()).isTrue();
            assertThat(r.rejected()).isEqualTo(1);
            assertThat(r.added()).isEqualTo(1);
        });
        assertThat(fx.quarantine.open()).singleElement()
                .satisfies(q -> assertThat(q.reason()).endsWith("a-huge.xml is larger than 20 MB"));
        assertThat(drop.resolve(SourcePoller.DONE).resolve("a-huge.xml")).exists();
        assertThat(drop.resolve("a-huge.xml")).doesNotExist();
    }

    @Test
    void aTwoGigabyteAnswerAndAPageThatIsNoArticleFailTheirSourcesAndThePollGoesOn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the size shows only while reading
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                while (sent.get() < TWO_GB) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException hungUp) {
                // the desk stopped reading at the cap
            }
        });
        server.createContext("/not-an-article", exchange -> send(exchange, "text/html",
                "<html><head><title>Login</title></head><body><form><input name=u></form></body></html>"));
        server.createContext("/article", exchange -> send(exchange, "text/html; charset=utf-8", ARTICLE));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        sources.save(new Source(0, "A endless", base + "/endless", Source.Kind.PAGE, Duration.ofMinutes(5), null,
                true));
        sources.save(new Source(0, "B login", base + "/not-an-article", Source.Kind.PAGE, Duration.ofMinutes(5),
                null, true));
        sources.save(new Source(0, "C article", base + "/article", Source.Kind.PAGE, Duration.ofMinutes(5), null,
                true));

        List<SourcePoller.PollResult> results = poller.pollDue("poller");

        assertThat(results).hasSize(3);
        assertThat(results).filteredOn(r -> r.source().name().equals("A endless")).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).endsWith("sent more than 20 MB");
        });
        assertThat(sent.get()).as("bytes the server got out before the desk hung up").isLessThan(TWO_GB / 8);
        assertThat(results).filteredOn(r -> r.source().name().equals("B login")).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).startsWith("not an article");
        });
        assertThat(fx.quarantine.open()).singleElement().satisfies(q -> {
            assertThat(q.origin()).endsWith("/not-an-article");
            assertThat(fx.quarantine.content(q.id())).isPresent();
        });
        assertThat(results).filteredOn(r -> r.source().name().equals("C article")).singleElement()
                .satisfies(r -> assertThat(r.added()).isEqualTo(1));
    }

    @Test
    void everyInputOfARunIsNewDuplicateUpdatedOrKeptAside() throws IOException {
        Path wire = Files.createDirectory(dir.resolve("wire"));
        Files.writeString(wire.resolve("1-port.html"), ARTICLE);
        Files.write(wire.resolve("2-deep.html"), nestedPage(100_000));
        Files.writeString(wire.resolve("3-feed.xml"), feed("Ministers meet on Thursday", "Rates held",
                "Ã‰tÃ© wonâ€™t last"));
        Files.writeString(wire.resolve("4-feed-again.xml"), feed("Ministers meet on Thursday", "Rates held again",
                "Ã‰tÃ© wonâ€™t last"));
        Files.write(wire.resolve("5-junk.bin"), new byte[] {0, 1, 2, 3});
        try (RandomAccessFile f = new RandomAccessFile(wire.resolve("6-huge.xml").toFile(), "rw")) {
            f.setLength(600L * 1024 * 1024);
        }

        IngestReport report = fx.service.ingest(List.of(wire.toString()), "test", o -> { });

        // 2 pages (one nested 100,000 deep), junk, 3 items x 2 feeds (one garbled each time), 1 file too large
        assertThat(report.outcomes()).hasSize(6);
        assertThat(report.added()).isEqualTo(4);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.updatedAtSource()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.summary()).isEqualTo("4 new, 2 duplicate, 4 rejected (1 updated at source)");
        assertThat(report.added() + report.duplicates() + report.rejected()).isEqualTo(1 + 1 + 3 + 3 + 1 + 1);
        assertThat(fx.quarantine.open()).hasSize(report.rejected());
        assertThat(fx.stories.findAll(Set.of())).extracting(s -> s.agencyHeadline().text())
                .containsExactlyInAnyOrder("Port reopens after the storm", "Council approves budget",
                        "Ministers meet on Thursday", "Rates held");
    }

    private static String feed(String... titles) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            items.append("<item><guid>item-").append(i).append("</guid><title>").append(titles[i])
                    .append("</title><description>").append(("Paragraph " + i + " of the wire story. ").repeat(10))
                    .append(titles[i].contains("again") ? " A correction was added." : "")
                    .append("</description></item>");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Loopback Wire</title>"
                + items + "</channel></rss>";
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
