package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;

class SameItemTest {
    private static SourceDocument feed(String guid, String title, String body) {
        return feed("Wire One", guid, title, body);
    }

    private static SourceDocument feed(String outlet, String guid, String title, String body) {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + outlet + "</title><item>"
                + "<title>" + title + "</title><guid>" + guid + "</guid><link>https://wire.example/" + guid + "</link>"
                + "<description><![CDATA[" + body + "]]></description></item></channel></rss>";
        return new SourceDocument("feed-" + guid, URI.create("https://wire.example/feed"),
                xml.getBytes(StandardCharsets.UTF_8), null);
    }

    private static final String BODY = "<p>The harbour reopened on Tuesday after three days of closure, officials said,"
            + " and the first ferries left on schedule in the early morning.</p>";

    @Test
    void aChangedItemIsKeptAsASourceVersionAndTheStoredBodyIsNeverOverwritten() {
        try (IngestFixture fx = new IngestFixture()) {
            fx.service.ingest(feed("g-1", "Harbour reopens", BODY), "test");
            Story before = fx.stories.findAll(Set.of()).get(0);
            SourceOutcome again = fx.service.ingest(feed("g-1", "Harbour reopens", BODY), "test");
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.updatedAtSource()).isZero();

            SourceOutcome changed = fx.service.ingest(feed("g-1", "Harbour reopens after storm",
                    BODY.replace("Tuesday", "Wednesday")), "test");
            assertThat(changed.updatedAtSource()).isEqualTo(1);
            assertThat(changed.line()).contains("1 updated at source");
            Story after = fx.stories.findAll(Set.of()).get(0);
            assertThat(fx.stories.findAll(Set.of())).hasSize(1);
            assertThat(after.body()).isEqualTo(before.body());
            assertThat(after.agencyHeadline()).isEqualTo(before.agencyHeadline());
            assertThat(fx.stories.sourceVersions(after.id())).singleElement().satisfies(v -> {
                assertThat(v.agencyHeadline().text()).isEqualTo("Harbour reopens after storm");
                assertThat(v.bodySha256()).isNotEqualTo(before.body().sha256());
            });
            assertThat(fx.stories.summaries(Set.of(), 10)).singleElement()
                    .satisfies(row -> assertThat(row.updatedAtSource()).isEqualTo(IngestFixture.CLOCK.instant()));
            // the same change arriving again is not a new version
            fx.service.ingest(feed("g-1", "Harbour reopens after storm", BODY.replace("Tuesday", "Wednesday")), "t");
            assertThat(fx.stories.sourceVersions(after.id())).hasSize(1);
        }
    }

    @Test
    void theSameTextFromAnotherOutletIsRecognisedAsACopy() {
        try (IngestFixture fx = new IngestFixture()) {
            String body = "<p>" + "The central bank kept its main interest rate unchanged on Thursday, but said "
                    + "easing inflation could allow a cut as early as the spring, the governor told reporters after "
                    + "a meeting of the board that lasted most of the day.</p><p>Economists had expected the pause."
                    + " Markets rose modestly after the statement, and the currency weakened slightly.</p>";
            fx.service.ingest(feed("Wire One", "a-1", "Central bank holds rates", body), "test");
            fx.service.ingest(feed("Wire Two", "b-7", "Bank leaves rates on hold",
                    body.replace("Economists", "Analysts")), "test");
            List<Story> stories = fx.stories.findAll(Set.of());
            assertThat(stories).hasSize(2);
            var first = fx.grouping.cluster(stories.get(1).id());
            assertThat(first).containsExactlyInAnyOrder(stories.get(1).id(), stories.get(0).id());
        }
    }

    @Test
    void reportsOfTheSameEventFromSeveralOutletsFormOneClusterAndAHardNegativeStaysOut() throws Exception {
        Path root = Corpus.path("article-extraction-benchmark");
        try (IngestFixture fx = new IngestFixture()) {
            // a busy wire: all 48 benchmark pages, so word rarity means something
            var clusters = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(root.resolve("same-story-clusters.json").toFile());
            java.util.Map<String, String> pageLabel = new java.util.HashMap<>();
            clusters.fields().forEachRemaining(c -> c.getValue().forEach(item ->
                    pageLabel.put(item.get("id").asText(), c.getKey())));
            java.util.Map<String, String> label = new java.util.HashMap<>();
            java.util.Map<String, Story> byId = new java.util.HashMap<>();
            List<Path> pages;
            try (var files = java.nio.file.Files.list(root.resolve("html"))) {
                pages = files.sorted().toList();
            }
            for (Path page : pages) {
                SourceOutcome o = fx.service.ingest(new SourceDocument(page.toString(), page.toUri(),
                        java.nio.file.Files.readAllBytes(page), null), "test");
                assertThat(o.added()).as(o.line()).isEqualTo(1);
                Story newest = fx.stories.findAll(Set.of()).stream()
                        .max(java.util.Comparator.comparingLong(st -> st.id().value())).orElseThrow();
                byId.put(newest.id().toString(), newest);
                String file = page.getFileName().toString().replace(".html", "");
                if (pageLabel.containsKey(file)) {
                    label.put(newest.id().toString(), pageLabel.get(file));
                }
            }
            fx.service.regroup();
            java.util.Map<String, String> cluster = new java.util.HashMap<>();
            for (Story s : byId.values()) {
                cluster.put(s.id().toString(), clusterOf(fx, s));
            }
            int tp = 0;
            int fp = 0;
            int positives = 0;
            List<String> ids = List.copyOf(cluster.keySet());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    boolean same = label.containsKey(ids.get(i)) && label.get(ids.get(i)).equals(label.get(ids.get(j)));
                    boolean together = cluster.get(ids.get(i)).equals(cluster.get(ids.get(j)));
                    positives += same ? 1 : 0;
                    tp += same && together ? 1 : 0;
                    fp += !same && together ? 1 : 0;
                }
            }
            double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            double recall = tp / (double) positives;
            System.out.printf("stored clusters, pairwise: P %.3f R %.3f (%d true pairs, %d false)%n", precision,
                    recall, tp, fp);
            assertThat(precision).isGreaterThanOrEqualTo(0.95);
            assertThat(recall).isGreaterThanOrEqualTo(0.9);
        }
    }

    private static String clusterOf(IngestFixture fx, Story s) throws Exception {
        try (var c = fx.database.connect(); var ps = c.prepareStatement("SELECT cluster_id FROM story WHERE id = ?")) {
            ps.setLong(1, s.id().value());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return Long.toString(rs.getLong(1));
            }
        }
    }
}
