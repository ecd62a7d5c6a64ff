package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Story;
import org.wiredesk.store.SourceArchiveRepository;

/**
 * Ingest hands the raw bytes on (issue 11, point 5; ADR 30): a page fetched over real HTTP on loopback keeps its
 * HTTP body exactly, with its content type as received, the charset read and the address after redirects; a feed's
 * items share the feed document as fetched; an item whose body came from its linked page keeps that page; a file
 * keeps its bytes, byte order mark included. The archived original's blocks hold each paragraph of the body.
 */
class ArchivedOriginalIngestTest {
    private static final String PAGE = "<html><head><title>Caf\u00e9 reopens</title>"
            + "<meta property=\"og:type\" content=\"article\"></head><body><nav>Home | News</nav><article>"
            + "<p>The Caf\u00e9 M\u00fcller in Calder reopened on Thursday after a storm that closed it for three "
            + "days, its owner said, with the first guests arriving shortly after dawn.</p>"
            + "<p>More than 40 regulars had waited outside since Monday, neighbours said, and it would take about a "
            + "week to clear the backlog of birthday cakes.</p></article></body></html>";

    @TempDir
    Path dir;

    private HttpServer server;
    private String base;
    private final IngestFixture fx = new IngestFixture();
    private final SourceArchiveRepository archive = fx.stories.originals();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/cafe", PAGE.getBytes(Charset.forName("windows-1252")), "text/html; charset=windows-1252");
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/cafe");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        serve("/feed.xml", feed().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        server.start();
    }

    private void serve(String path, byte[] body, String type) {
        server.createContext(path, ex -> {
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    private String feed() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Calder Wire</title>"
                + "<link>" + base + "/</link><description>d</description>"
                + "<item><title>Caf\u00e9 reopens</title><link>" + base + "/cafe</link><guid>cafe-1</guid>"
                + "<description>A caf\u00e9 reopened.</description></item>"
                + "<item><title>Council meets</title><link>https://calder.example/council</link><guid>council-1</guid>"
                + "<description>&lt;p&gt;The council met on Friday and agreed the budget for next year after a long "
                + "debate.&lt;/p&gt;</description></item>"
                + "<item><title>Bridge opens</title><link>https://calder.example/bridge</link><guid>bridge-1</guid>"
                + "<description><![CDATA[<p>The new bridge opened to traffic on Saturday morning.</p>]]></description>"
                + "</item></channel></rss>";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        fx.close();
    }

    @Test
    void aPageFetchedOverHttpKeepsItsBodyExactlyWithWhatTheServerSaid() {
        fx.service.ingest(List.of(base + "/moved"), "owner", o -> { });

        Story story = only();
        SourceArchiveRepository.Archived kept = archive.ofStory(story.id()).orElseThrow();
        assertThat(archive.bytes(kept)).isEqualTo(PAGE.getBytes(Charset.forName("windows-1252")));
        assertThat(kept.url()).isEqualTo(URI.create(base + "/cafe"));
        assertThat(kept.origin()).isEqualTo(base + "/moved");
        assertThat(kept.contentType()).isEqualTo("text/html; charset=windows-1252");
        assertThat(kept.readAs()).isEqualTo("windows-1252 (from the HTTP header)");
        assertThat(kept.kind()).isEqualTo("page");
        assertThat(kept.derivedBy()).isEqualTo("article extractor @ingest-" + IngestBuild.id());
        assertThat(IngestBuild.isThisBuild(kept.derivedBy())).isTrue();

        ArchivedOriginal original = new ArchivedOriginal(archive.bytes(kept), kept.contentType(), kept.url(),
                kept.kind());
        assertThat(original.text()).contains("Caf\u00e9 M\u00fcller");
        assertThat(original.blocks()).containsAll(org.wiredesk.ingest.BodyText.paragraphs(story.body().html()));
        assertThat(original.missingParagraph(story.body().html())).isNull();
        assertThat(original.derivedBodies()).contains(story.body().sha256());
    }

    @Test
    void aFeedsItemsShareTheFeedAsFetchedAndAnItemFromItsLinkedPageKeepsThePage() throws SourceUnavailableException {
        var fetched = new DocumentLoader().load(base + "/feed.xml");
        fx.service.ingest(fetched.get(0), "owner", new IngestContext(0, null, true));

        Map<String, SourceArchiveRepository.Archived> byKey = fx.stories.findAll(Set.of()).stream()
                .collect(Collectors.toMap(Story::dedupKey, s -> archive.ofStory(s.id()).orElseThrow()));
        assertThat(byKey).containsOnlyKeys("cafe-1", "council-1", "bridge-1");
        assertThat(byKey.get("council-1").fetchId()).isEqualTo(byKey.get("bridge-1").fetchId());
        assertThat(byKey.get("council-1").kind()).isEqualTo("feed");
        assertThat(byKey.get("council-1").derivedBy()).startsWith("feed reader @ingest-");
        assertThat(archive.bytes(byKey.get("council-1"))).isEqualTo(feed().getBytes(StandardCharsets.UTF_8));
        // the café item carried a summary only: its body is its page's article, and the page is its original
        SourceArchiveRepository.Archived cafe = byKey.get("cafe-1");
        assertThat(cafe.kind()).isEqualTo("page");
        assertThat(cafe.url()).isEqualTo(URI.create(base + "/cafe"));
        assertThat(cafe.derivedBy()).startsWith("article extractor (the feed item's page) @ingest-");
        assertThat(archive.bytes(cafe)).isEqualTo(PAGE.getBytes(Charset.forName("windows-1252")));
        for (Story s : fx.stories.findAll(Set.of())) {
            SourceArchiveRepository.Archived kept = byKey.get(s.dedupKey());
            ArchivedOriginal original = new ArchivedOriginal(archive.bytes(kept), kept.contentType(), kept.url(),
                    kept.kind());
            assertThat(original.missingParagraph(s.body().html())).as(s.dedupKey()).isNull();
            assertThat(original.derivedBodies()).as(s.dedupKey()).contains(s.body().sha256());
        }
    }

    @Test
    void aFileKeepsItsBytesByteOrderMarkIncluded() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + page.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(page, 0, bytes, 3, page.length);
        Path file = Files.write(dir.resolve("cafe.html"), bytes);

        fx.service.ingest(List.of(file.toString()), "owner", o -> { });

        SourceArchiveRepository.Archived kept = archive.ofStory(only().id()).orElseThrow();
        assertThat(archive.bytes(kept)).isEqualTo(bytes);
        assertThat(kept.contentType()).isNull();
        assertThat(kept.readAs()).isEqualTo("UTF-8 (from its byte order mark)");
        assertThat(kept.origin()).isEqualTo(file.toString());
    }

    private Story only() {
        List<Story> all = fx.stories.findAll(Set.of());
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
