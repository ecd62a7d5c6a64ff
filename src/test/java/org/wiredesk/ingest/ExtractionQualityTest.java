package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extraction quality on real pages, scored the benchmark's way; a fall below the bar fails the build. */
class ExtractionQualityTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private Article extract(Path file) throws IOException {
        return extractor.extract(new SourceDocument(file.toString(), file.toUri(), Files.readAllBytes(file), null));
    }

    @Test
    void bodiesScoreAtLeast098OnTheArticleExtractionBenchmark() throws IOException {
        Path root = Corpus.path("article-extraction-benchmark");
        JsonNode truth = new ObjectMapper().readTree(root.resolve("ground-truth.json").toFile());
        Map<String, String> expected = new HashMap<>();
        Map<String, String> predicted = new HashMap<>();
        for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            expected.put(id, truth.get(id).get("articleBody").asText());
            predicted.put(id, extract(root.resolve("html").resolve(id + ".html")).bodyText());
        }
        ShingleF1.Score score = ShingleF1.score(expected, predicted);
        assertThat(expected).hasSize(48);
        assertThat(score.f1()).as("F1 (P %.3f, R %.3f)", score.precision(), score.recall())
                .isGreaterThanOrEqualTo(0.98);
    }

    /**
     * trafilatura's own evaluation, as ../shared/tools/snippet_f1.py computes it: each "with" snippet found in the
     * body (white space folded) is a true positive, each "without" snippet found a false positive; F1 over the sums.
     * A different population from the news benchmark (blogs, shops, government pages, many languages), so a rule
     * tuned to one corpus shows here.
     */
    @Test
    void bodiesScoreAtLeast091OnTrafilaturasSnippetEvaluation() throws IOException {
        Path root = Corpus.path("trafilatura-eval");
        JsonNode truth = new ObjectMapper().readTree(root.resolve("evaldata.json").toFile());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int pages = 0;
        for (JsonNode item : truth) {
            String text = folded(extract(root.resolve("html").resolve(item.get("file").asText())).bodyText());
            pages++;
            for (JsonNode snippet : item.get("with")) {
                if (text.contains(folded(snippet.asText()))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (JsonNode snippet : item.get("without")) {
                if (text.contains(folded(snippet.asText()))) {
                    fp++;
                }
            }
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        assertThat(pages).isEqualTo(502);
        assertThat(f1).as("snippet F1 (P %.3f, R %.3f)", tp / (double) (tp + fp), tp / (double) (tp + fn))
                .isGreaterThanOrEqualTo(0.91);
        // the body is never edited afterwards: losing article text is the worse mistake, so recall has its own floor
        assertThat(tp / (double) (tp + fn)).as("snippet recall").isGreaterThanOrEqualTo(0.92);
    }

    private static String folded(String s) {
        return s.replaceAll("(?U)\\s+", " ").strip();
    }

    @Test
    void headlinesMatchOnTheReadabilityNewsPagesWhoseGoldenTitleIsRight() throws IOException {
        Path root = Corpus.path("readability");
        JsonNode manifest = new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
        int total = 0;
        int exact = 0;
        StringBuilder misses = new StringBuilder();
        for (JsonNode page : manifest) {
            String caveat = page.path("caveat").asText("");
            if (!page.path("category").asText().equals("news") || caveat.toLowerCase().contains("title")) {
                continue;
            }
            total++;
            String got = extract(root.resolve("pages").resolve(page.get("id").asText()).resolve("source.html"))
                    .headline();
            if (fold(got).equals(fold(page.get("title").asText()))) {
                exact++;
            } else {
                misses.append(page.get("id").asText()).append(": ").append(got).append('\n');
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(30);
        assertThat(exact / (double) total).as(misses.toString()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyReadabilityPageYieldsABodyAndItsOwnPublicationZoneIsKept() throws IOException {
        Path page = Corpus.path("readability/pages/aclu/source.html");
        Article article = extract(page);
        assertThat(article.paragraphs()).hasSizeGreaterThan(10);
        assertThat(article.byline()).isEqualTo("Daniel Kahn Gillmor");
        assertThat(article.siteName()).isEqualTo("American Civil Liberties Union");
        assertThat(article.language()).isEqualTo("en");
        assertThat(URI.create(article.url()).getHost()).isEqualTo("www.aclu.org");
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        return n.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-');
    }
}
