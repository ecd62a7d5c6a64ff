package org.wiredesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wiredesk.story.Story;

/**
 * Counts, over trafilatura's evaluation pages ingested as stories, the headlines, bylines and source names that are
 * not plain text decoded exactly once (issue 11): literal character references, a JSON-LD id or an address as a
 * source name, a site name said twice, and text that did not decode cleanly. Uses only what ingest offers its
 * callers, so the same file runs against an earlier commit.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.ingest.TextHygieneCount</pre>
 */
public final class TextHygieneCount {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—·:]\\s+");
    private static final Pattern MOJIBAKE = Pattern.compile("[\uFFFD\u0080-\u009F]|Ã[\u00A0-\u00BF]|â€");

    private TextHygieneCount() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"));
        List<String> pages;
        try (Stream<Path> files = Files.list(corpus.resolve("trafilatura-eval/html"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).map(Path::toString).sorted().toList();
        }
        Map<String, Integer> counts = new TreeMap<>();
        try (IngestFixture fx = new IngestFixture()) {
            IngestReport report = fx.service.ingest(pages, "bench", o -> { });
            List<Story> stories = fx.stories.findAll(Set.of());
            for (Story s : stories) {
                String headline = s.agencyHeadline().text();
                count(counts, "headline with a literal entity", ENTITY.matcher(headline).find(), headline);
                count(counts, "byline with a literal entity", s.byline() != null && ENTITY.matcher(s.byline()).find(),
                        s.byline());
                String source = s.sourceName();
                count(counts, "source name that is an id or address", source != null && (source.startsWith("/")
                        || source.startsWith("#") || source.contains("://")), source);
                count(counts, "source name said twice", source != null && repeated(source), source);
                count(counts, "headline repeating the source name", source != null && namesSite(headline, source),
                        headline + "  [" + source + "]");
                count(counts, "source name with a literal entity", source != null && ENTITY.matcher(source).find(),
                        source);
                count(counts, "headline badly decoded", MOJIBAKE.matcher(headline).find(), headline);
                count(counts, "body badly decoded", MOJIBAKE.matcher(s.body().html()).find(), headline);
            }
            System.out.printf("%d pages -> %d stories, %d kept aside%n", pages.size(), stories.size(),
                    report.rejected());
            fx.quarantine.open().stream().map(q -> q.reason().replaceAll("\\(.*", "").replaceAll(":.*", ""))
                    .collect(java.util.stream.Collectors.groupingBy(r -> r, TreeMap::new,
                            java.util.stream.Collectors.counting()))
                    .forEach((reason, n) -> System.out.printf("  kept aside x%d: %s%n", n, reason));
        }
        String[] kinds = {"headline with a literal entity", "byline with a literal entity",
            "source name that is an id or address", "source name said twice", "headline repeating the source name", "source name with a literal entity",
            "headline badly decoded", "body badly decoded"};
        for (String kind : kinds) {
            System.out.printf("%-40s %d%n", kind, counts.getOrDefault(kind, 0));
        }
    }

    private static void count(Map<String, Integer> counts, String kind, boolean found, String example) {
        if (found) {
            counts.merge(kind, 1, Integer::sum);
            System.out.println("  " + kind + ": " + example);
        }
    }

    /** "Diario HOY | Darán bendición ..." from "Diario HOY": the credit line would say the site's name twice. */
    private static boolean namesSite(String headline, String site) {
        String[] parts = SEPARATOR.split(headline);
        return parts.length > 1 && (parts[0].strip().equalsIgnoreCase(site.strip())
                || parts[parts.length - 1].strip().equalsIgnoreCase(site.strip()));
    }

    private static boolean repeated(String name) {
        String[] parts = SEPARATOR.split(name);
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (!p.strip().equalsIgnoreCase(parts[0].strip())) {
                return false;
            }
        }
        return true;
    }
}
