package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.Source;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.store.WithdrawalRepository;
import org.wiredesk.workflow.DeskFixture;

/**
 * Noticing that a source withdrew a story the desk ran, over real HTTP on loopback and a real desk: a source page
 * that starts answering 410 (or 404, also when HEAD is refused) is noted once; one that answers 200, redirects to a
 * live page, is too slow or cannot be reached is not; and an Atom feed's tombstone marks the story that came from it.
 */
class SourceWithdrawalsTest {
    private static final String ARTICLE = "<html><head><title>Tide turns</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><article>"
            + "<p>The spring tide turned early on Thursday along the Calder coast, the harbour master said, and the "
            + "first boats left the harbour an hour before the usual time.</p>"
            + "<p>Fishing crews said the early tide would let them reach the northern banks before the weather turned "
            + "again at the weekend.</p></article></body></html>";

    private final DeskFixture desk = new DeskFixture();
    private final DocumentLoader loader = new DocumentLoader(Duration.ofMillis(800));
    private final WithdrawalRepository marks = new WithdrawalRepository(desk.as(desk.editor).database());
    private final SourceWithdrawals withdrawals = new SourceWithdrawals(marks, loader, desk.clock, desk.editor);
    private final Map<String, Integer> status = new ConcurrentHashMap<>();
    private volatile boolean tombstone;
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();

    @TempDir
    Path site;

    SourceWithdrawalsTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/story", this::story);
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", base() + "/story/live");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 410, "text/plain", "too late to count");
        });
        server.createContext("/atom", ex -> send(ex, 200, "application/atom+xml; charset=utf-8", atom()));
        server.createContext("/article", ex -> send(ex, 200, "text/html; charset=utf-8", ARTICLE));
        server.setExecutor(pool); // the slow page holds up no other
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        pool.shutdownNow();
        desk.close();
    }

    /** /story/NAME answers what {@link #status} says for NAME (200 when nothing); "no-head" refuses HEAD. */
    private void story(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/story/".length());
        if (name.startsWith("no-head") && ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(405, -1);
            ex.close();
            return;
        }
        int answer = status.getOrDefault(name, 200);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(answer, -1);
            ex.close();
            return;
        }
        send(ex, answer, "text/html; charset=utf-8", ARTICLE);
    }

    @Test
    void aPublishedStoryWhoseSourcePageStartsAnswering410IsNotedOnce() {
        StoryId port = published("port", base() + "/story/port");
        assertThat(withdrawals.recheck()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.gone()).isFalse();
        });
        assertThat(marks.after(0)).isEmpty();

        status.put("port", 410);
        desk.clock.advance(Duration.ofMinutes(30));
        List<SourceWithdrawals.Finding> found = withdrawals.recheck();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.story()).isEqualTo(port);
            assertThat(f.noted()).isTrue();
            assertThat(f.line()).isEqualTo("Story " + port + ": " + base() + "/story/port answered 410: the source "
                    + "withdrew it (noted)");
        });
        assertThat(marks.after(0)).singleElement().satisfies(n -> {
            SourceWithdrawal w = n.withdrawal();
            assertThat(w.story()).isEqualTo(port);
            assertThat(w.how()).isEqualTo(SourceWithdrawal.How.GONE_410);
            assertThat(w.detail()).isEqualTo(base() + "/story/port answered HTTP 410");
            assertThat(w.notedBy()).isEqualTo("ed");
            assertThat(w.at()).isEqualTo(desk.clock.instant());
        });
        assertThat(withdrawals.recheck()).as("a page noted gone is not asked again").isEmpty();
        assertThat(marks.after(0)).hasSize(1);
    }

    @Test
    void a404IsNotedEvenFromAServerThatRefusesHead() {
        StoryId museum = published("museum", base() + "/story/no-head-museum");
        status.put("no-head-museum", 404);

        assertThat(withdrawals.recheck()).singleElement().satisfies(f -> assertThat(f.noted()).isTrue());
        assertThat(marks.after(0)).singleElement().satisfies(n -> {
            assertThat(n.withdrawal().story()).isEqualTo(museum);
            assertThat(n.withdrawal().how()).isEqualTo(SourceWithdrawal.How.GONE_404);
        });
    }

    @Test
    void aLivePageARedirectToOneASlowPageAndAnUnreachableServerAreNotWithdrawals() throws IOException {
        published("live", base() + "/story/live");
        published("moved", base() + "/moved/story");
        published("slow", base() + "/slow/story");
        published("unreachable", "http://127.0.0.1:" + closedPort() + "/story");
        status.put("elsewhere", 410); // another page's answer changes nothing for these

        List<SourceWithdrawals.Finding> found = withdrawals.recheck();

        assertThat(found).hasSize(4).noneMatch(SourceWithdrawals.Finding::noted)
                .noneMatch(SourceWithdrawals.Finding::gone);
        assertThat(found).filteredOn(f -> f.url().endsWith("/moved/story")).singleElement()
                .satisfies(f -> assertThat(f.status()).as(f.line()).isEqualTo(200));
        assertThat(found).filteredOn(f -> f.problem() != null).extracting(SourceWithdrawals.Finding::url)
                .containsExactlyInAnyOrder(base() + "/slow/story", "http://127.0.0.1:" + closedPort + "/story");
        assertThat(marks.after(0)).isEmpty();
    }

    @Test
    void anUnpublishedOrKilledStoryIsNotAskedAbout() {
        StoryId killed = published("killed", base() + "/story/killed");
        desk.publish(desk.chief).kill(desk.chief, killed, "Legal hold", site);
        desk.story("k-2", "Approved only", "The body.");
        status.put("killed", 410);

        assertThat(withdrawals.recheck()).isEmpty();
        assertThat(marks.after(0)).isEmpty();
    }

    @Test
    void onlyAnEditorOrADeskChiefRechecks() {
        SourceWithdrawals cora = new SourceWithdrawals(new WithdrawalRepository(desk.as(desk.copy).database()),
                loader, desk.clock, desk.copy);
        assertThat(cora.mayNote()).isFalse();
        assertThatThrownBy(cora::recheck).isInstanceOf(WorkflowException.class);
    }

    @Test
    void aTombstoneInAPolledAtomFeedMarksThePublishedStoryThatCameFromIt() {
        SourceRepository sources = new SourceRepository(desk.as(desk.editor).database());
        long id = sources.save(new Source(0, "Loopback Atom", base() + "/atom", Source.Kind.FEED,
                Duration.ofMinutes(5), null, true));
        SourcePoller poller = new SourcePoller(sources, desk.ingest(desk.editor), loader, desk.clock, withdrawals);
        assertThat(poller.pollDue("ed")).singleElement().satisfies(r -> assertThat(r.added()).isEqualTo(2));
        Story tide = desk.stories.findAll(List.of(Status.NEW)).stream()
                .filter(s -> "urn:uuid:tide-1".equals(s.dedupKey())).findFirst().orElseThrow();
        publish(tide.id(), "Tide turns early on the Calder coast");

        tombstone = true;
        desk.clock.advance(Duration.ofMinutes(6));
        assertThat(poller.pollDue("ed")).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());

        assertThat(marks.after(0)).singleElement().satisfies(n -> {
            assertThat(n.withdrawal().story()).isEqualTo(tide.id());
            assertThat(n.withdrawal().how()).isEqualTo(SourceWithdrawal.How.FEED_WITHDRAWN);
            assertThat(n.withdrawal().detail()).isEqualTo("the feed " + base() + "/atom marked it deleted (ref "
                    + "urn:uuid:tide-1, when 2026-11-27T21:30:00Z: \u201cThe figures were wrong\u201d)");
        });
        desk.clock.advance(Duration.ofMinutes(6));
        poller.pollDue("ed");
        assertThat(marks.after(0)).as("the same tombstone on the next poll adds nothing").hasSize(1);
    }

    private String atom() {
        String deleted = tombstone ? "<at:deleted-entry ref=\"urn:uuid:tide-1\" when=\"2026-11-27T21:30:00Z\">"
                + "<at:comment>The figures were wrong</at:comment></at:deleted-entry>"
                + "<at:deleted-entry ref=\"urn:uuid:never-here\" when=\"2026-11-27T21:30:00Z\"/>" : "";
        String tide = tombstone ? "" : entry("urn:uuid:tide-1", "Tide turns early", "/article/tide");
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:at=\"http://purl.org/atompub/tombstones/1.0\"><title>Loopback Atom Wire</title>"
                + "<id>urn:uuid:loopback-feed</id><updated>2026-11-27T21:30:00Z</updated>" + deleted + tide
                + entry("urn:uuid:boats-2", "Boats leave early", "/article/boats") + "</feed>";
    }

    private String entry(String id, String title, String path) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><link href=\"" + base() + path + "\"/>"
                + "<updated>2026-11-27T08:00:00Z</updated><content type=\"html\"><![CDATA[<p>"
                + (title + " along the coast, officials said on Thursday. ").repeat(12) + "</p>]]></content></entry>";
    }

    /** A story from this address, headlined, approved and published by the desk chief. */
    private StoryId published(String key, String url) {
        String text = "The report " + key + " as the agency ran it, with enough words to be a story.";
        StoryId id = desk.stories.insertIfNew(new NewStory(key, "Test Agency", URI.create(url),
                new Headline("Agency: " + key), new Body("<p>" + text + "</p>", Fingerprint.ofText(text)), null, "en",
                OffsetDateTime.parse("2026-11-26T10:15:00+03:30"), Instant.parse("2026-11-26T08:00:00Z")), "test")
                .orElseThrow();
        publish(id, "House: " + key);
        return id;
    }

    private void publish(StoryId id, String house) {
        desk.desk(desk.copy).submit(desk.copy, id, house, null);
        desk.desk(desk.chief).approve(desk.chief, id);
        desk.publish(desk.chief).publish(desk.chief, id, site);
    }

    private int closedPort;

    private int closedPort() throws IOException {
        if (closedPort == 0) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
        }
        return closedPort;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
