package org.wiredesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
    void anIndexAnalysedTheOldWayIsRebuiltWithWordForms() throws IOException {
        StoryId strike = add("a", "Dockers walk out", "The strike closed the port.");
        StoryId other = add("b", "Bank holds rates", "Inflation eased for a fifth month.");
        // as the index was written before ADR 26: one field for every language, StandardAnalyzer, no marker
        try (Directory d = FSDirectory.open(dir);
             IndexWriter old = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (StoryId id : List.of(strike, other)) {
                Document doc = new Document();
                doc.add(new LongPoint("id", id.value()));
                doc.add(new StoredField("id", id.value()));
                doc.add(new TextField("headline", id.equals(strike) ? "Dockers walk out" : "Bank holds rates",
                        Field.Store.YES));
                doc.add(new TextField("body", id.equals(strike) ? "The strike closed the port."
                        : "Inflation eased for a fifth month.", Field.Store.YES));
                old.addDocument(doc);
            }
            old.setLiveCommitData(Map.of("wiredesk.lastId", Long.toString(other.value())).entrySet());
            old.commit();
        }
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.lastIndexedId()).as("starts again from the first story").isZero();
            assertThat(index.search("strike", 5)).as("nothing of the old index is left").isEmpty();
            assertThat(index.catchUp()).isEqualTo(2);
            assertThat(index.search("strikes", 5)).extracting(SearchHit::id).containsExactly(strike);
        }
        try (SearchIndex reopened = SearchIndex.open(dir, stories)) {
            assertThat(reopened.wasRebuilt()).as("rebuilt once, then kept").isFalse();
            assertThat(reopened.catchUp()).isZero();
        }
    }

    @Test
    void anIndexWithAnotherAnalysisMarkerIsRebuilt() throws IOException {
        add("a", "Dockers walk out", "The strike closed the port.");
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            index.catchUp();
        }
        try (Directory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            Map<String, String> data = new java.util.HashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertThat(data).containsEntry("wiredesk.analysis", SearchIndex.ANALYSIS_MARKER);
            data.put("wiredesk.analysis", "layout 1; languages en; lucene 9.0.0");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        try (SearchIndex index = SearchIndex.open(dir, stories)) {
            assertThat(index.wasRebuilt()).isTrue();
            assertThat(index.catchUp()).isEqualTo(1);
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
    void eachSiteFolderHasAnIndexOfItsOwn() {
        Path home = Path.of("/srv/desk");
        assertThat(SearchIndex.besideSite(home.resolve("site"))).isEqualTo(home.resolve("search-index"));
        assertThat(SearchIndex.besideSite(home.resolve("wire-site"))).isEqualTo(home.resolve("wire-search-index"));
        assertThat(SearchIndex.besideSite(home.resolve("sport-site")))
                .isNotEqualTo(SearchIndex.besideSite(home.resolve("wire-site")));
        assertThat(SearchIndex.besideSite(home.resolve("out"))).isEqualTo(home.resolve("out-search-index"));
        assertThat(SearchIndex.besideSite(home.resolve("website"))).isEqualTo(home.resolve("website-search-index"));
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
