package org.wiredesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.TestStories;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoryRepository;

class SearchIndexTest {
    private final Database db = org.wiredesk.store.TestDesk.inMemory(false).owner();
    private final StoryRepository stories = new StoryRepository(db);

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        db.close();
    }

    private StoryId add(String key, String headline, String body) {
        return stories.insertIfNew(TestStories.story(key, headline, body), "test").orElseThrow();
    }

    @Test
    void aWordOnlyInTheBodyIsFoundAndMarked() {
        StoryId port = add("a", "Harbour reopens", "The breakwater took the worst of the storm, officials said.");
        add("b", "Bank holds rates", "Inflation eased for a fifth month.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            assertThat(index.catchUp()).isEqualTo(2);
            List<SearchHit> hits = index.search("breakwater", 10);
            assertThat(hits).singleElement().satisfies(h -> {
                assertThat(h.id()).isEqualTo(port);
                assertThat(h.snippet()).contains(SearchHit.MARK_START + "breakwater" + SearchHit.MARK_END);
            });
        }
    }

    @Test
    void aHeadlineMatchRanksAboveABodyMatch() {
        StoryId inBody = add("a", "Markets calm", "Traders watched the port closely all day.");
        StoryId inHeadline = add("b", "Port reopens after storm", "Ships sailed again on Thursday.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            index.catchUp();
            assertThat(index.search("port", 10)).extracting(SearchHit::id).containsExactly(inHeadline, inBody);
        }
    }

    @Test
    void onlyNewStoriesAreIndexedWhenCatchingUpAgain() {
        add("a", "First", "Alpha text.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(index.catchUp()).isZero();
            add("b", "Second", "Beta text.");
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(index.search("beta", 5)).hasSize(1);
        }
        try (SearchIndex reopened = SearchIndex.open(dir, stories)) {
            assertThat(reopened.wasRebuilt()).isFalse();
            assertThat(reopened.catchUp()).as("remembers where it was").isZero();
            assertThat(reopened.search("alpha", 5)).hasSize(1);
        }
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheStore() throws IOException {
        add("a", "Harbour reopens", "The breakwater held.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            index.catchUp();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(index.search("breakwater", 5)).hasSize(1);
        }
    }

    @Test
    void aMissingIndexIsBuiltFromTheStore() {
        add("a", "Harbour reopens", "The breakwater held.");
        try (SearchIndex index = SearchIndex.open(dir.resolve("not-there-yet"), stories)) {
            assertThat(index.catchUp()).isEqualTo(1);
            assertThat(index.search("harbour", 5)).hasSize(1);
        }
    }

    @Test
    void typedSyntaxMistakesDoNotBreakSearch() {
        add("a", "Harbour reopens", "The breakwater held.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            index.catchUp();
            assertThat(index.search("\"harbour", 5)).hasSize(1);
            assertThat(index.search("harb*", 5)).hasSize(1);
            assertThat(index.search("   ", 5)).isEmpty();
        }
    }
}
