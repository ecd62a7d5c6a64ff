package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Over all of trafilatura's evaluation pages, headlines, bylines and site names come out as plain text decoded
 * exactly once (issue 11): no literal reference, no JSON-LD id or address as a site's name, no site name said twice
 * or left on the headline. TextHygieneCount prints the same counts for the whole ingest path.
 */
class TextHygieneTest {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·:]\\s+");

    @Test
    void headlinesBylinesAndSiteNamesArePlainTextOnEveryTrafilaturaPage() throws Exception {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Corpus.path("trafilatura-eval/html"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> entities = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        List<String> onHeadline = new ArrayList<>();
        for (Path page : pages) {
            Article a = new ArticleExtractor().extract(Charsets.labelled(new SourceDocument(page.toString(),
                    page.toUri(), Files.readAllBytes(page), null)));
            String site = PlainText.siteName(a.siteName());
            String headline = PlainText.withoutSiteName(PlainText.decoded(a.headline()), site);
            String byline = PlainText.decoded(a.byline());
            for (String text : new String[] {headline, byline, site}) {
                if (text != null && ENTITY.matcher(text).find()) {
                    entities.add(text);
                }
            }
            if (a.siteName() != null && (a.siteName().startsWith("/") || a.siteName().contains("://"))) {
                ids.add(a.siteName());
            }
            if (site != null && SEPARATOR.split(site).length > 1
                    && Stream.of(SEPARATOR.split(site)).distinct().count() == 1) {
                twice.add(site);
            }
            if (site != null && headline != null) {
                String[] parts = SEPARATOR.split(headline);
                if (parts.length > 1 && (parts[0].equalsIgnoreCase(site)
                        || parts[parts.length - 1].equalsIgnoreCase(site))) {
                    onHeadline.add(headline);
                }
            }
        }
        assertThat(pages).hasSize(502);
        assertThat(entities).isEmpty();
        assertThat(ids).isEmpty();
        assertThat(twice).isEmpty();
        // what is left of a headline without the site's name would be one word: the name stays (PlainText)
        assertThat(onHeadline).containsExactlyInAnyOrder("Emden - Sehenswürdigkeiten Attraktionen",
                "Bürgerbeteiligung für Windpark Steinheim | EnBW", "energieverbraucher.de | Gaspreise");
    }
}
