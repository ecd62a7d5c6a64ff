package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.Timing;
import org.wiredesk.store.TimingRepository;

class FeedIngestTest {

    @Test
    void everyCorpusFeedIngestsWithoutAnExceptionAndEveryDocumentIsAccountedFor() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.path("feeds"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("LICENSE|SOURCE.txt|manifest.json"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(161);
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(files.stream().map(Path::toString).toList(), "test", o -> { });
            assertThat(report.outcomes()).hasSize(161);
            for (SourceOutcome outcome : report.outcomes()) {
                assertThat(outcome.added() + outcome.duplicates() + outcome.rejected() > 0
                        || outcome.problems().isEmpty())
                        .as(outcome.line()).isTrue();
            }
            // items without a title (the feedparser cases carry few) are kept aside, not stored under a made-up one
            assertThat(report.added()).isGreaterThan(80);
            assertThat(fx.quarantine.open()).hasSize(report.rejected());
        }
    }

    @Test
    void anHtmlPageNamedLikeAFeedIsRejectedAsNotAFeed() {
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(Corpus.path("feeds/rome/2.rss").toString()), "test",
                    o -> { });
            assertThat(report.added()).isZero();
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(fx.quarantine.open()).singleElement()
                    .satisfies(q -> assertThat(q.reason()).containsAnyOf("not a feed", "not an article"));
        }
    }

    @Test
    void noScriptIframeHandlerOrJavascriptUrlSurvivesTheSanitizeCases() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.list(Corpus.path("feeds/feedparser"))) {
            files = walk.filter(p -> p.getFileName().toString().contains("__sanitize__")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        try (IngestFixture fx = new IngestFixture()) {
            // the cases carry bodies only; an item without a title is kept aside, so each gets one to be stored
            for (Path file : files) {
                String xml = Files.readString(file).replaceFirst("<(item|entry)>", "<$1><title>Sanitize case</title>");
                fx.service.ingest(new SourceDocument(file.getFileName().toString(), null,
                        xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null), "test");
            }
            List<Story> stored = fx.stories.findAll(Set.of());
            assertThat(stored).isNotEmpty();
            for (Story story : stored) {
                String html = story.body().html().toLowerCase();
                assertThat(html).as(story.dedupKey())
                        .doesNotContain("<script", "<iframe", "javascript:", "<object", "<embed", "<style")
                        .doesNotContainPattern("\\son[a-z]+\\s*=");
            }
        }
    }

    @Test
    void theSameFeedIngestedTwiceStoresEachItemOnce() {
        String feed = Corpus.path("feeds/rome/rss_2.0.xml").toString();
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport first = fx.service.ingest(List.of(feed), "test", o -> { });
            IngestReport second = fx.service.ingest(List.of(feed), "test", o -> { });
            assertThat(first.added()).isPositive();
            assertThat(second.added()).isZero();
            assertThat(second.duplicates()).isEqualTo(first.added());
            assertThat(fx.stories.findAll(Set.of(Status.NEW))).hasSize(first.added());
        }
    }

    @Test
    void aMissingPathIsReportedAndKeptWithItsReason() {
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of("/no/such/feed.xml"), "test", o -> { });
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(report.outcomes().get(0).line()).contains("no such file or folder");
        }
    }

    @Test
    void anEmbargoTheFeedStatesArrivesWithItsStoryAndAPastOneIsNoEmbargo(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("wire.rss");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dpa="https://www.dpa.com/wire/1.0">
                <channel><title>Wire</title><link>https://wire.example/</link><description>d</description>
                <item><title>Results at noon</title><link>https://wire.example/results</link>
                  <guid>results-1</guid><description>&lt;p&gt;The results.&lt;/p&gt;</description>
                  <pubDate>Thu, 26 Nov 2026 11:00:00 +0100</pubDate>
                  <dpa:embargoed>2099-11-27T06:00:00+01:00</dpa:embargoed></item>
                <item><title>Yesterday's embargo</title><link>https://wire.example/old</link>
                  <guid>old-1</guid><description>&lt;p&gt;Old news.&lt;/p&gt;</description>
                  <embargo>Wed, 25 Nov 2026 06:00:00 GMT</embargo></item>
                <item><title>Embargo in words</title><link>https://wire.example/words</link>
                  <guid>words-1</guid><description>&lt;p&gt;Held.&lt;/p&gt;</description>
                  <embargoed>until the minister has spoken</embargoed></item>
                <item><title>No embargo</title><link>https://wire.example/free</link>
                  <guid>free-1</guid><description>&lt;p&gt;Free to run.&lt;/p&gt;</description></item>
                </channel></rss>
                """);
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(feed.toString()), "test", o -> { });
            assertThat(report.added()).isEqualTo(3);
            // an embargo stated but not understood never lets its story run early: it is kept aside with the reason
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(fx.quarantine.open()).singleElement().satisfies(q -> assertThat(q.reason())
                    .contains("states an embargo the desk cannot read (\"until the minister has spoken\")"));
            Map<String, Timing> byHeadline = new HashMap<>();
            TimingRepository timings = new TimingRepository(fx.database);
            for (Story s : fx.stories.findAll(Set.of())) {
                byHeadline.put(s.agencyHeadline().text(), timings.timing(s.id()));
            }
            assertThat(byHeadline.get("Results at noon").embargo()).contains(Instant.parse("2099-11-27T05:00:00Z"));
            assertThat(byHeadline.get("Yesterday's embargo")).isEqualTo(Timing.NONE);
            assertThat(byHeadline.get("No embargo")).isEqualTo(Timing.NONE);
        }
    }

    @Test
    void anItemWithoutATitleIsKeptAsideAndATitleIsDecodedExactlyOnce(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("titles.rss");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
                <description>d</description>
                <item><link>https://wire.example/untitled</link><guid>untitled-1</guid>
                  <description>&lt;p&gt;A story without a title.&lt;/p&gt;</description></item>
                <item><title>Olive &amp;#038; Herb Focaccia &amp;#8211; a recipe</title>
                  <link>https://wire.example/focaccia</link><guid>focaccia-1</guid>
                  <description>&lt;p&gt;Bake it.&lt;/p&gt;</description></item>
                </channel></rss>
                """);
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(feed.toString()), "test", o -> { });
            assertThat(report.added()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(fx.stories.findAll(Set.of())).singleElement().satisfies(s -> assertThat(
                    s.agencyHeadline().text()).isEqualTo("Olive & Herb Focaccia – a recipe"));
            assertThat(fx.quarantine.open()).singleElement().satisfies(q -> assertThat(q.reason())
                    .contains("the item has no title"));
        }
    }

    @Test
    void aTruncatedFeedIsKeptAsideWithItsReasonNotLost(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("cut.rss");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Half an it\u0000\u0001garbage");
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(feed.toString()), "test", o -> { });
            assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.added() + o.rejected())
                    .as(o.line()).isPositive());
            assertThat(fx.quarantine.open()).as("what could not be ingested is kept aside").isNotEmpty();
        }
    }
}
