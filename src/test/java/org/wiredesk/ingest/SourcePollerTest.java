package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Source;
import org.wiredesk.story.Story;
import org.wiredesk.store.Database;
import org.wiredesk.store.GroupingRepository;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.store.StoryRepository;

/** Polling real HTTP on loopback: conditional GET, redirects, failures and back-off, timeouts, drop folders. */
class SourcePollerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final Database db = org.wiredesk.store.TestDesk.inMemory(false).owner();
    private final StoryRepository stories = new StoryRepository(db);
    private final SourceRepository sources = new SourceRepository(db);
    private final DocumentLoader loader = new DocumentLoader(Duration.ofMillis(800));
    private final IngestService ingest = new IngestService(stories, new QuarantineRepository(db), loader,
            new StoryGrouper(new GroupingRepository(db), clock), clock);
    private final SourcePoller poller = new SourcePoller(sources, ingest, loader, clock);
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> lastIfNoneMatch = new ConcurrentHashMap<>();
    private volatile int feedStatus = 200;

    @TempDir
    Path folder;

    SourcePollerTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", this::feed);
        server.createContext("/old-feed", ex -> {
            count(ex);
            ex.getResponseHeaders().add("Location", base() + "/feed");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            count(ex);
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "text/plain", "late");
        });
        server.createContext("/summaries", ex -> {
            count(ex);
            send(ex, 200, "application/rss+xml", rss("Summary Wire",
                    item("s-1", "Port reopens", base() + "/article/port", "Short summary.")));
        });
        server.createContext("/article/port", ex -> {
            count(ex);
            send(ex, 200, "text/html; charset=utf-8", ARTICLE);
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        db.close();
    }

    private static final String ARTICLE = "<html><head><title>Port reopens</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<p>The Port of Calder reopened to shipping on Thursday after a storm that closed it for three days, the "
            + "port authority said, with the first vessels entering the harbour shortly after dawn.</p>"
            + "<p>More than 40 ships had waited at anchor off the coast since Monday, shipping agents said, and it "
            + "would take about a week to clear the backlog.</p></article></body></html>";

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void count(HttpExchange ex) {
        hits.computeIfAbsent(ex.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
    }

    private void feed(HttpExchange ex) throws IOException {
        count(ex);
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) {
            lastIfNoneMatch.put("/feed", inm);
        }
        if (feedStatus != 200) {
            send(ex, feedStatus, "text/plain", "broken");
            return;
        }
        if ("\"v1\"".equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        send(ex, 200, "application/rss+xml; charset=utf-8", rss("Loopback Wire",
                item("i-1", "Ministers meet", "https://wire.example/1", "<p>" + "Ministers met on Thursday. ".repeat(20)
                        + "</p>")
                        + item("i-2", "Rates held", "https://wire.example/2", "<p>" + "The bank held rates. ".repeat(20)
                        + "</p>")));
    }

    private static String rss(String title, String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title>" + items
                + "</channel></rss>";
    }

    private static String item(String guid, String title, String link, String body) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + link + "</link>"
                + "<description><![CDATA[" + body + "]]></description></item>";
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private long add(String name, String address, Source.Kind kind, String credit) {
        return sources.save(new Source(0, name, address, kind, Duration.ofMinutes(5), credit, true));
    }

    @Test
    void anUnchangedFeedIsAskedConditionallyAndCostsA304() {
        long id = add("Loopback", base() + "/feed", Source.Kind.FEED, "Loopback Agency");
        List<SourcePoller.PollResult> first = poller.pollDue("poller");
        assertThat(first).singleElement().satisfies(r -> assertThat(r.added()).isEqualTo(2));
        assertThat(stories.findAll(Set.of())).extracting(Story::sourceName).containsOnly("Loopback Agency");

        assertThat(poller.pollDue("poller")).as("not due yet").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        List<SourcePoller.PollResult> second = poller.pollDue("poller");
        assertThat(second).singleElement().satisfies(r -> assertThat(r.notModified()).isTrue());
        assertThat(lastIfNoneMatch.get("/feed")).isEqualTo("\"v1\"");
        assertThat(sources.health(clock.instant().minus(Duration.ofHours(24))).get(id).itemsLast24h()).isEqualTo(2);
    }

    @Test
    void aFailingSourceBacksOffAndKeepsItsError() {
        long id = add("Loopback", base() + "/feed", Source.Kind.FEED, null);
        feedStatus = 503;
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.error()).contains("HTTP 503");
        });
        var health = sources.health(clock.instant().minus(Duration.ofDays(1))).get(id);
        assertThat(health.failures()).isEqualTo(1);
        assertThat(health.lastError()).contains("503");
        assertThat(health.nextPoll()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(10));
        poller.pollDue("poller");
        assertThat(sources.health(clock.instant()).get(id).nextPoll())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));

        feedStatus = 200;
        clock.advance(Duration.ofMinutes(20));
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> assertThat(r.added()).isEqualTo(2));
        assertThat(sources.health(clock.instant()).get(id).failures()).isZero();
    }

    @Test
    void redirectsAreFollowed() {
        add("Moved", base() + "/old-feed", Source.Kind.FEED, null);
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> assertThat(r.added()).isEqualTo(2));
        assertThat(hits.get("/old-feed").get()).isEqualTo(1);
        assertThat(hits.get("/feed").get()).isEqualTo(1);
    }

    @Test
    void aSourceThatDoesNotAnswerInTimeFailsWithoutHoldingThePoller() {
        add("Slow", base() + "/slow", Source.Kind.FEED, null);
        long start = System.nanoTime();
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> assertThat(r.ok()).isFalse());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void anItemWithOnlyASummaryGetsItsLinkedArticle() {
        add("Summaries", base() + "/summaries", Source.Kind.FEED, null);
        poller.pollDue("poller");
        Story story = stories.findAll(Set.of()).get(0);
        assertThat(BodyText.of(story.body().html())).contains("More than 40 ships had waited at anchor");
        assertThat(story.agencyHeadline().text()).isEqualTo("Port reopens");
    }

    @Test
    void aDropFolderTakesNewFilesOnceAndMovesThemAside() throws IOException {
        Files.writeString(folder.resolve("port.html"), ARTICLE);
        Files.writeString(folder.resolve("junk.bin"), "\u0000\u0001 not a feed");
        add("Drop", folder.toString(), Source.Kind.FOLDER, "Desk Drop");
        assertThat(poller.pollDue("poller")).singleElement().satisfies(r -> {
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.rejected()).isEqualTo(1);
        });
        assertThat(folder.resolve("port.html")).doesNotExist();
        assertThat(folder.resolve(SourcePoller.DONE).resolve("port.html")).exists();
        assertThat(stories.findAll(Set.of())).singleElement()
                .satisfies(s -> assertThat(s.sourceName()).isEqualTo("Desk Drop"));
    }

    @Test
    void backoffDoublesAndIsCappedAtSixHours() {
        assertThat(SourcePoller.backoff(Duration.ofMinutes(5), 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(SourcePoller.backoff(Duration.ofMinutes(5), 3)).isEqualTo(Duration.ofMinutes(40));
        assertThat(SourcePoller.backoff(Duration.ofMinutes(5), 30)).isEqualTo(Duration.ofHours(6));
    }
}
