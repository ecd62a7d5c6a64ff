package org.wiredesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.story.StoryId;
import org.wiredesk.workflow.DeskFixture;

/** A house headline written after a story was indexed is found by its words, and the old words no longer find it. */
class RetitledStoriesSearchTest {
    @TempDir
    Path dir;

    private final DeskFixture desk = new DeskFixture();

    @AfterEach
    void tearDown() {
        desk.close();
    }

    @Test
    void aHeadlineWrittenAfterIndexingIsFoundOnTheNextCatchUp() {
        StoryId story = desk.story("harbour", "Port of Calder reopens", "Ships sailed again on Thursday.");
        StoryId other = desk.story("budget", "Council agrees budget", "The levy rises next year.");
        try (SearchIndex index = SearchIndex.open(dir, desk.stories)) {
            assertThat(index.catchUp()).isEqualTo(2);
            assertThat(index.search("ferries", 10)).isEmpty();

            desk.desk(desk.copy).submit(desk.copy, story, "Ferries return to Calder after the storm", null);
            assertThat(index.catchUp()).as("no story is new").isZero();
            assertThat(index.search("ferry", 10)).extracting(SearchHit::id).containsExactly(story);
            assertThat(index.search("reopens", 10)).as("the agency's headline stays searchable")
                    .extracting(SearchHit::id).containsExactly(story);
            assertThat(index.search("council", 10)).extracting(SearchHit::id).containsExactly(other);
        }

        // a later headline replaces the house headline the index holds; a reopened index remembers where it was
        desk.desk(desk.chief).reject(desk.chief, story, "Say which ferries");
        desk.desk(desk.copy).submit(desk.copy, story, "Island ferries sail again after the storm", null);
        try (SearchIndex reopened = SearchIndex.open(dir, desk.stories)) {
            assertThat(reopened.wasRebuilt()).isFalse();
            assertThat(reopened.catchUp()).isZero();
            assertThat(reopened.search("island", 10)).extracting(SearchHit::id).containsExactly(story);
            assertThat(reopened.search("calder", 10)).as("the earlier house headline is gone, the agency's stays")
                    .extracting(SearchHit::id).containsExactly(story);
            assertThat(reopened.search("return", 10)).as("only the earlier house headline said it").isEmpty();
        }
    }
}
