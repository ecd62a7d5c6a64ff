package org.wiredesk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.ingest.SourceDocument;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.BodyChoiceRepository;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.workflow.BlockChoices;
import org.wiredesk.workflow.DeskFixture;

/**
 * What a choice of blocks costs on Derby (ADR 32), on the news benchmark's real pages: each page ingested into a
 * secured in-memory desk as an editor, claimed by a copy editor, who then drops the first block of the body. Per
 * page: listing the archived original's blocks in the client ({@code ArchivedOriginal.blocks()}, from bytes already
 * read), and recording the choice ({@code BodyChoiceRepository.choose}: the row and the body's update in one
 * transaction, where Derby's guard decompresses the archived bytes and lists the blocks again). Median, 90th
 * percentile and maximum, in milliseconds.
 *
 * <pre>mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.wiredesk.bench.BlockChoiceBenchmark</pre>
 */
public final class BlockChoiceBenchmark {
    private BlockChoiceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getProperty("wiredesk.corpus", "../shared/corpus"))
                .resolve("article-extraction-benchmark/html");
        List<Path> pages;
        try (Stream<Path> list = Files.list(dir)) {
            pages = list.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<Double> listing = new ArrayList<>();
        List<Double> choosing = new ArrayList<>();
        int skipped = 0;
        long bytes = 0;
        try (DeskFixture desk = new DeskFixture()) {
            SourceArchiveRepository archive = desk.as(desk.copy).stories().originals();
            BodyChoiceRepository choices = desk.as(desk.copy).stories().bodyChoices();
            BlockChoices service = new BlockChoices(desk.as(desk.copy).stories(), desk.desk(desk.copy), desk.clock);
            int n = 0;
            java.util.Set<StoryId> seen = new java.util.HashSet<>();
            for (Path page : pages) {
                URI url = URI.create("https://bench.example/" + (n++));
                desk.ingest(desk.editor).ingest(new SourceDocument(page.getFileName().toString(), url,
                        Files.readAllBytes(page), "text/html"), "ed");
                // the story keeps the page's own address (canonical link) when it names one: the new one is the one
                Story story = desk.stories.findAll(java.util.Set.of()).stream()
                        .filter(s -> seen.add(s.id())).findFirst().orElse(null);
                if (story == null) {
                    skipped++; // not read as an article: nothing to choose from
                    continue;
                }
                StoryId id = story.id();
                desk.desk(desk.copy).claim(desk.copy, id);
                List<Integer> in = service.blocks(id).inBody();
                if (in.size() < 2) {
                    skipped++;
                    continue;
                }
                var kept = archive.ofStory(id).orElseThrow();
                byte[] original = archive.bytes(kept);
                bytes += original.length;
                long t0 = System.nanoTime();
                List<String> blocks = new ArchivedOriginal(original, kept.contentType(), kept.url(), kept.kind())
                        .blocks();
                listing.add((System.nanoTime() - t0) / 1e6);
                List<Integer> chosen = in.subList(1, in.size());
                BlockChoice choice = new BlockChoice(chosen, chosen.stream().map(blocks::get).toList());
                long t1 = System.nanoTime();
                choices.choose(id, kept.fetchId(), choice, story.body(), desk.clock.instant());
                choosing.add((System.nanoTime() - t1) / 1e6);
            }
        }
        System.out.printf("%d pages (%.1f MB), %d chosen, %d skipped (not an article, or fewer than two blocks)%n",
                pages.size(), bytes / 1e6, choosing.size(), skipped);
        System.out.println("list the blocks in the client: " + summary(listing));
        System.out.println("record the choice (Derby guard lists them again): " + summary(choosing));
    }

    private static String summary(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p90 %.1f ms, max %.1f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.floor(sorted.size() * 0.9)), sorted.get(sorted.size() - 1));
    }
}
