package org.wiredesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.StoryRepository;

/**
 * Full-text search over headlines and bodies: a Lucene index derived from the store. It catches up by indexing the
 * stories after the last id it holds, so every workstation sharing a store keeps its own index current, and it is
 * rebuilt from the store when it is missing or damaged. Derby stays the only record; the index can always go.
 */
public final class SearchIndex implements AutoCloseable {
    private static final String ID = "id";
    private static final String HEADLINE = "headline";
    private static final String BODY = "body";
    private static final String LAST_ID = "wiredesk.lastId";
    private static final int BATCH = 1000;

    private final Path dir;
    private final StoryRepository stories;
    private final Analyzer analyzer = new StandardAnalyzer();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private long lastId;
    private boolean rebuilt;

    private SearchIndex(Path dir, StoryRepository stories) {
        this.dir = dir;
        this.stories = stories;
    }

    /** Opens the index in {@code dir}, rebuilding it from the store when it cannot be read. */
    public static SearchIndex open(Path dir, StoryRepository stories) {
        SearchIndex index = new SearchIndex(dir, stories);
        try {
            index.openWriter();
        } catch (IOException | RuntimeException damaged) {
            index.closeQuietly();
            index.deleteAll();
            index.rebuilt = true;
            try {
                index.openWriter();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the search index in " + dir, e);
            }
        }
        return index;
    }

    private void openWriter() throws IOException {
        Files.createDirectories(dir);
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        if (DirectoryReader.indexExists(directory)) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                lastId = Long.parseLong(data.getOrDefault(LAST_ID, "0"));
            }
        }
        searchers = new SearcherManager(writer, null);
    }

    /** Whether opening found the index damaged (or written by something else) and started it anew. */
    public boolean wasRebuilt() {
        return rebuilt;
    }

    /** Indexes every story the index does not hold yet; returns how many. */
    public synchronized int catchUp() {
        int added = 0;
        try {
            for (List<Story> batch = stories.after(lastId, BATCH); !batch.isEmpty();
                 batch = stories.after(lastId, BATCH)) {
                for (Story s : batch) {
                    Document doc = new Document();
                    doc.add(new LongPoint(ID, s.id().value()));
                    doc.add(new StoredField(ID, s.id().value()));
                    doc.add(new TextField(HEADLINE, s.agencyHeadline().text()
                            + (s.houseHeadline() != null ? " \n" + s.houseHeadline().text() : ""), Field.Store.YES));
                    doc.add(new TextField(BODY, BodyText.of(s.body().html()), Field.Store.YES));
                    writer.addDocument(doc);
                    lastId = s.id().value();
                    added++;
                }
                writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastId)).entrySet());
                writer.commit();
            }
            searchers.maybeRefresh();
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index in " + dir, e);
        }
    }

    /**
     * The stories best matching the words typed (a forgiving syntax: words, "phrases", -not, a|b, prefix*),
     * headline matches first, each with the matching words marked.
     */
    public List<SearchHit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = new SimpleQueryParser(analyzer, Map.of(HEADLINE, 3f, BODY, 1f)).parse(text);
                TopDocs top = searcher.search(query, limit);
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                        .withFormatter(new DefaultPassageFormatter(String.valueOf(SearchHit.MARK_START),
                                String.valueOf(SearchHit.MARK_END), "… ", false))
                        .withMaxLength(20_000)
                        .build();
                Map<String, String[]> marked = highlighter.highlightFields(new String[] {HEADLINE, BODY}, query,
                        top, new int[] {1, 2});
                List<SearchHit> out = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document doc = searcher.storedFields().document(sd.doc);
                    String headline = marked.get(HEADLINE)[i];
                    String snippet = marked.get(BODY)[i];
                    out.add(new SearchHit(new StoryId(doc.getField(ID).numericValue().longValue()),
                            headline != null ? headline : doc.get(HEADLINE), snippet == null ? "" : snippet,
                            sd.score));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index in " + dir, e);
        }
    }

    public long lastIndexedId() {
        return lastId;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            // closing a damaged index: it is about to be rebuilt or dropped
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    private void deleteAll() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the damaged search index in " + dir, e);
        }
        lastId = 0;
    }
}
