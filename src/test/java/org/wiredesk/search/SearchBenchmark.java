package org.wiredesk.search;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.wiredesk.ingest.Article;
import org.wiredesk.ingest.ArticleExtractor;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.Body;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoryRepository;

/**
 * Full-text search at 10,000 stories: the time to build the index from the store (every story analysed in its
 * language), to reopen it, and to answer typed queries in several languages with the matching words marked, for the
 * top 50 and for the inbox's 500. The stories are the corpus's real pages (trafilatura-eval's many languages, the
 * scrapinghub benchmark, readability), extracted once and cycled, each cycle starting at a later paragraph. The store
 * is built once (through StoryRepository) under target/bench-search-N and reused; the index is built anew on every
 * run.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.wiredesk.search.SearchBenchmark -Dexec.args="10000"</pre>
 */
public final class SearchBenchmark {
    private static final String[] QUERIES = {"strike", "strikes", "government", "\"prime minister\"", "elect*",
        "police -fire", "Streik", "Regierung", "Wahlen", "grève", "gouvernement", "élections", "huelga", "gobierno",
        "elecciones", "governo", "الحكومة", "السودان", "правительство", "climate change", "universités", "reform"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Path.of("target", "bench-search-" + count);
        System.setProperty("derby.stream.error.file", Path.of("target", "bench-derby.log").toString());
        boolean fresh = !Files.exists(dir);
        Path storeDir = dir.resolve("store");
        try (Database db = (fresh ? org.wiredesk.store.TestDesk.inDirectory(storeDir, false)
                : org.wiredesk.store.TestDesk.reopen(storeDir)).owner()) {
            if (fresh) {
                List<Page> pages = pages(Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus")));
                long t = System.nanoTime();
                Map<String, Integer> languages = fill(db, pages, count);
                System.out.printf("built a store of %,d stories from %d pages in %.1f s; stories by analysis: %s%n",
                        count, pages.size(), (System.nanoTime() - t) / 1e9, languages);
            }
            StoryRepository stories = new StoryRepository(db);
            Path indexDir = dir.resolve("index");
            delete(indexDir);
            long t0 = System.nanoTime();
            try (SearchIndex index = SearchIndex.open(indexDir, stories)) {
                int added = index.catchUp();
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("index built from the store: %,d stories in %.1f s (%.0f stories/s), %.0f MB on "
                        + "disk%n", added, s, added / s, size(indexDir) / 1e6);
            }
            long t1 = System.nanoTime();
            try (SearchIndex index = SearchIndex.open(indexDir, stories)) {
                int added = index.catchUp();
                System.out.printf("reopened and caught up (%d new) in %.0f ms, rebuilt: %s%n", added,
                        (System.nanoTime() - t1) / 1e6, index.wasRebuilt());
                for (int warm = 0; warm < 5; warm++) {
                    for (String q : QUERIES) {
                        index.search(q, 500);
                    }
                }
                for (int limit : new int[] {50, 500}) {
                    time(index, limit);
                }
            }
        }
    }

    private static void time(SearchIndex index, int limit) {
        int rounds = 5;
        long total = 0;
        long worst = 0;
        String worstQuery = "";
        StringBuilder found = new StringBuilder();
        for (String q : QUERIES) {
            long best = Long.MAX_VALUE;
            int hits = 0;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                hits = index.search(q, limit).size();
                long took = System.nanoTime() - t;
                total += took;
                best = Math.min(best, took);
                if (took > worst) {
                    worst = took;
                    worstQuery = q;
                }
            }
            found.append(String.format("  %-22s %4d hits, best %6.1f ms%n", q, hits, best / 1e6));
        }
        System.out.printf("top %d, matches marked: %d queries x %d rounds, mean %.1f ms, worst %.1f ms (%s)%n%s",
                limit, QUERIES.length, rounds, total / 1e6 / (QUERIES.length * rounds), worst / 1e6, worstQuery,
                found);
    }

    /** A page's headline, paragraphs and language, as the extractor reads them. */
    private record Page(String headline, List<String> paragraphs, String language) {
    }

    private static List<Page> pages(Path corpus) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String d : List.of("trafilatura-eval/html", "article-extraction-benchmark/html", "readability/pages")) {
            try (Stream<Path> walk = Files.walk(corpus.resolve(d))) {
                walk.filter(p -> p.toString().endsWith(".html") && !p.endsWith("expected.html")).sorted()
                        .forEach(files::add);
            }
        }
        ArticleExtractor extractor = new ArticleExtractor();
        List<Page> pages = new ArrayList<>();
        for (Path f : files) {
            try {
                Article a = extractor.extract(new SourceDocument(f.toString(), URI.create("https://bench.example/"
                        + pages.size()), Files.readAllBytes(f), "text/html"));
                if (a.headline() != null && !a.headline().isBlank() && !a.paragraphs().isEmpty()) {
                    pages.add(new Page(a.headline(), a.paragraphs(), a.language()));
                }
            } catch (RuntimeException notAnArticle) {
                // a page the extractor refuses is left out, as ingest would quarantine it
            }
        }
        return pages;
    }

    /** Inserts the stories through the store's own path (one transaction each, through the trust guards). */
    private static Map<String, Integer> fill(Database db, List<Page> pages, int count) {
        Map<String, Integer> languages = new TreeMap<>();
        StoryRepository stories = new StoryRepository(db);
        Instant start = Instant.now().minusSeconds(30L * count);
        for (int i = 1; i <= count; i++) {
            Page page = pages.get(i % pages.size());
            int cycle = i / pages.size();
            List<String> paragraphs = page.paragraphs();
            StringBuilder html = new StringBuilder();
            for (int p = 0; p < paragraphs.size(); p++) {
                html.append("<p>").append(escape(paragraphs.get((p + cycle) % paragraphs.size()))).append("</p>");
            }
            Body body = BodyText.bodyOf(html.toString());
            String headline = page.headline().length() > 300 ? page.headline().substring(0, 300) : page.headline();
            String language = page.language() == null || page.language().length() > 35 ? null : page.language();
            String key = "bench-search-" + i;
            stories.insertIfNew(new NewStory(key, "Bench Agency " + (i % 7), URI.create("https://bench.example/" + i),
                    new Headline(headline), body, null, language, null, start.plusSeconds(30L * i)), "bench");
            languages.merge(Languages.keyOf(language), 1, Integer::sum);
            if (i % 2000 == 0) {
                System.out.printf("  %,d stories stored%n", i);
            }
        }
        return languages;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
