package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wiredesk.story.Story;
import org.wiredesk.store.SourceArchiveRepository;

/**
 * Every real page, feed and agency item of the shared corpus, ingested: each story keeps its original's exact bytes,
 * and its body is derived from them again exactly by this build; and (printed, for docs/benchmarks.md) how many stand in
 * their original word for word, paragraph by paragraph, as verify requires of a body another build made (ADR 30).
 */
class ArchivedOriginalCorpusTest {
    @Test
    void everyStoryOfTheCorpusIsDerivedAgainFromItsArchivedOriginal() throws IOException {
        List<Path> files = new ArrayList<>();
        // trafilatura's 502 pages take four more minutes: -Dwiredesk.archive.corpus=all takes them too
        List<String> dirs = new ArrayList<>(List.of("readability/pages", "article-extraction-benchmark/html", "feeds",
                "agency"));
        if ("all".equals(System.getProperty("wiredesk.archive.corpus"))) {
            dirs.add("trafilatura-eval/html");
        }
        for (String dir : dirs) {
            try (Stream<Path> walk = Files.walk(Corpus.path(dir))) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("expected.html"))
                        .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(json|md|txt)$")
                                || p.toString().contains("ninjs"))
                        .sorted().forEach(files::add);
            }
        }
        try (IngestFixture fx = new IngestFixture()) {
            for (Path f : files) {
                fx.service.ingest(List.of(f.toString()), "owner", o -> { });
            }
            SourceArchiveRepository archive = fx.stories.originals();
            List<Story> all = fx.stories.findAll(List.of());
            long started = System.nanoTime();
            int exact = 0;
            int wordForWord = 0;
            int withOriginal = 0;
            List<String> failures = new ArrayList<>();
            for (Story s : all) {
                var kept = archive.ofStory(s.id()).orElse(null);
                if (kept == null) {
                    continue;
                }
                withOriginal++;
                byte[] bytes = archive.bytes(kept);
                assertThat(Files.readAllBytes(Path.of(kept.origin()))).isEqualTo(bytes);
                ArchivedOriginal original = new ArchivedOriginal(bytes, kept.contentType(), kept.url(), kept.kind());
                String missing = original.missingParagraph(s.body().html());
                if (missing == null) {
                    wordForWord++;
                } else {
                    failures.add(kept.origin() + ": «" + missing + "»");
                }
                if (IngestBuild.isThisBuild(kept.derivedBy()) && original.derivedBodies().contains(s.body().sha256())) {
                    exact++;
                }
            }
            System.out.printf("archive corpus: %d files, %d stories, %d with an original, %d derived again exactly, "
                    + "%d word for word, in %d ms%n", files.size(), all.size(), withOriginal, exact, wordForWord,
                    (System.nanoTime() - started) / 1_000_000);
            failures.forEach(f -> System.out.println("  not word for word: " + f));
            assertThat(all).hasSizeGreaterThan(100);
            assertThat(withOriginal).isEqualTo(all.size());
            assertThat(exact).isEqualTo(withOriginal);
            // where the readers leave words out of a paragraph (or join two texts) a body does not stand word for
            // word: few, and named above
            assertThat(wordForWord).isGreaterThanOrEqualTo(all.size() * 9 / 10);
        }
    }
}
