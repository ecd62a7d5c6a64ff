package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;

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
            assertThat(report.added()).isGreaterThan(90);
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
    void noScriptIframeHandlerOrJavascriptUrlSurvivesTheSanitizeCases() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.list(Corpus.path("feeds/feedparser"))) {
            files = walk.filter(p -> p.getFileName().toString().contains("__sanitize__")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        try (IngestFixture fx = new IngestFixture()) {
            fx.service.ingest(files.stream().map(Path::toString).toList(), "test", o -> { });
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
}
