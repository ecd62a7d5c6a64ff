package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same-event clustering scored against the corpus's hand-made clusters (same-story-clusters.json): pairwise
 * precision and recall over all pairs of the 48 benchmark pages, every pair not in one cluster a negative. The
 * rule is {@link SameEvent}'s whole rule (sources, source times, headlines, cosine), swept over the cosine.
 */
class SameStoryTest {
    static final double THRESHOLD = SameEvent.COSINE;

    record Scores(double precision, double recall) {
    }

    @Test
    void clustersMatchTheHandMadeOnesPairwise() throws IOException {
        Path root = Corpus.path("article-extraction-benchmark");
        JsonNode clusters = new ObjectMapper().readTree(root.resolve("same-story-clusters.json").toFile());
        Map<String, String> label = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = clusters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            c.getValue().forEach(item -> label.put(item.get("id").asText(), c.getKey()));
        }
        JsonNode truth = new ObjectMapper().readTree(root.resolve("ground-truth.json").toFile());
        List<String> ids = new ArrayList<>();
        truth.fieldNames().forEachRemaining(ids::add);
        Map<String, SameEvent.Report> terms = new HashMap<>();
        ArticleExtractor extractor = new ArticleExtractor();
        for (String id : ids) {
            Path page = root.resolve("html").resolve(id + ".html");
            Article a = extractor.extract(new SourceDocument(id, page.toUri(), Files.readAllBytes(page), null));
            String source = a.siteName() != null ? a.siteName() : a.url() != null ? a.url() : id;
            terms.put(id, new SameEvent.Report(source, a.published() == null ? null : a.published().toInstant(),
                    Similarity.parse(Similarity.leadTerms(a.headline(), a.bodyText()))));
        }
        Map<String, Integer> df = new HashMap<>();
        terms.values().forEach(t -> t.terms().counts().keySet().forEach(w -> df.merge(w, 1, Integer::sum)));

        StringBuilder sweep = new StringBuilder();
        for (int step = 4; step <= 20; step++) {
            double t = step / 50.0;
            Scores s = score(ids, terms, df, label, t);
            sweep.append(String.format("threshold %.2f: P %.3f R %.3f%n", t, s.precision(), s.recall()));
        }
        Scores chosen = score(ids, terms, df, label, THRESHOLD);
        sweep.append(String.format("chosen %.2f: P %.3f R %.3f%n", THRESHOLD, chosen.precision(), chosen.recall()));
        System.out.print(sweep);
        assertThat(chosen.precision()).as(sweep.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(chosen.recall()).as(sweep.toString()).isGreaterThanOrEqualTo(0.9);
    }

    /** Single-link clusters at the threshold, scored pairwise. */
    private static Scores score(List<String> ids, Map<String, SameEvent.Report> terms, Map<String, Integer> df,
                                Map<String, String> label, double threshold) {
        Map<String, String> parent = new HashMap<>();
        ids.forEach(id -> parent.put(id, id));
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                SameEvent.Report a = terms.get(ids.get(i));
                SameEvent.Report b = terms.get(ids.get(j));
                if (SameEvent.differentSources(a, b) && SameEvent.closeInTime(a, b) && SameEvent.headlinesAgree(a, b)
                        && Similarity.eventSimilarity(a.terms().counts(), b.terms().counts(), df, ids.size())
                        >= threshold) {
                    parent.put(find(parent, ids.get(i)), find(parent, ids.get(j)));
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int positives = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                boolean same = label.containsKey(a) && label.get(a).equals(label.get(b));
                boolean together = find(parent, a).equals(find(parent, b));
                positives += same ? 1 : 0;
                tp += same && together ? 1 : 0;
                fp += !same && together ? 1 : 0;
            }
        }
        return new Scores(tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp / (double) positives);
    }

    private static String find(Map<String, String> parent, String x) {
        while (!parent.get(x).equals(x)) {
            x = parent.get(x);
        }
        return x;
    }
}
