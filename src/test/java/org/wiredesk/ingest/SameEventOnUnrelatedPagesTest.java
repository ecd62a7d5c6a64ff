package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same-event grouping on stories that are not about one event: trafilatura's evaluation pages (news, blogs, shops,
 * documentation in many languages; unrelated but for a rare true pair) and a feed whose thirty items share one
 * sentence of body text. All go through the real ingest path (store, grouper, regroup).
 */
class SameEventOnUnrelatedPagesTest {

    @Test
    void atMostOnePercentOfUnrelatedPagesIngestedTogetherAreGroupedWithAnything() {
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(List.of(Corpus.path("trafilatura-eval/html").toString()), "test",
                    o -> { });
            Map<Long, List<String>> groups = groups(fx);
            int stories = groups.values().stream().mapToInt(List::size).sum();
            List<String> grouped = new ArrayList<>();
            groups.values().stream().filter(g -> g.size() > 1).forEach(g -> grouped.add(String.join(" || ", g)));
            int inGroups = groups.values().stream().filter(g -> g.size() > 1).mapToInt(List::size).sum();
            double fraction = inGroups / (double) stories;
            System.out.printf("trafilatura pages: %d stories, %d grouped with another (%.2f%%)%n%s%n", stories,
                    inGroups, 100 * fraction, String.join("\n", grouped));
            assertThat(stories).as(report.summary()).isGreaterThan(450);
            assertThat(fraction).as(String.join("\n", grouped)).isLessThanOrEqualTo(0.01);
        }
    }

    @Test
    void aFeedsOwnItemsThatShareTheirTextStayApart() {
        try (IngestFixture fx = new IngestFixture()) {
            // enough other stories that word rarity means something, then the W3C date tests: 30 items of one feed,
            // each with its own headline and the same sentence as body
            List<String> sources = new ArrayList<>();
            sources.add(Corpus.path("article-extraction-benchmark/html").toString());
            sources.add(Corpus.path("feeds/w3c-feedvalidator/rss20__data-types-datetime__everything.xml").toString());
            fx.service.ingest(sources, "test", o -> { });
            Map<Long, List<String>> groups = groups(fx);
            List<String> dateTests = new ArrayList<>();
            groups.values().forEach(g -> g.stream().filter(h -> h.matches("\\d\\d\\. .*")).forEach(dateTests::add));
            assertThat(dateTests).hasSize(30);
            for (List<String> g : groups.values()) {
                assertThat(g.stream().filter(h -> h.matches("\\d\\d\\. .*")).count()).as(String.join(" || ", g))
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /** The stored clusters: cluster id to the agency headlines in it. */
    static Map<Long, List<String>> groups(IngestFixture fx) {
        Map<Long, List<String>> groups = new HashMap<>();
        try (var c = fx.database.connect(); var ps = c.prepareStatement(
                "SELECT id, cluster_id, agency_headline FROM story ORDER BY id"); var rs = ps.executeQuery()) {
            while (rs.next()) {
                long cluster = rs.getLong(2);
                groups.computeIfAbsent(rs.wasNull() ? -rs.getLong(1) : cluster, k -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return groups;
    }
}
