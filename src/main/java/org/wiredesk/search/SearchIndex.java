package org.wiredesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.StoryRepository;

/**
 * Full-text search over headlines and bodies, stemmed by each story's language (ADR 26): a Lucene index derived from
 * the store. It catches up by indexing the stories after the last id it holds, so every workstation sharing a store
 * keeps its own index current, and it is rebuilt from the store when it is missing, damaged or analysed otherwise
 * than this version analyses. Derby stays the only record; the index can always go.
 */
public final class SearchIndex implements AutoCloseable {
    private static final String LAST_ID = "wiredesk.lastId";
    private static final String ANALYSIS = "wiredesk.analysis";
    private static final String LAST_HEADLINE = "wiredesk.lastHeadlineRow";
    /**
     * How many headline rows each catch-up looks at again: on the shared desk, a row numbered before another may be
     * committed after it (two workstations at once) and is still found. Indexing a story again is harmless.
     */
    static final int HEADLINE_OVERLAP = 50;
    /**
     * How this version lays out and analyses stories. An index committed with another marker (or none: before
     * ADR 26) is rebuilt on opening. Bump the layout number when fields or filters change; adding a language or
     * moving to another Lucene changes the marker by itself.
     */
    static final String ANALYSIS_MARKER = "layout 2 (a field per language, accents folded); languages "
            + Languages.keys() + "; lucene " + Version.LATEST;
    private static final int BATCH = 1000;
    private static final java.util.Set<String> STORED_KEYS = java.util.Set.of(StoryFields.ID, StoryFields.LANGUAGE);

    private final Path dir;
    private final StoryRepository stories;
    private final Analyzer analyzer = new FieldAnalyzer();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private long lastId;
    /** The last house headline (its history row's id) the index has taken in. */
    private long lastHeadlineRow;
    /** The headline rows of the overlap already taken in, so that looking again indexes nothing twice. */
    private final java.util.SortedSet<Long> headlineRowsSeen = new java.util.TreeSet<>();
    private boolean rebuilt;

    private SearchIndex(Path dir, StoryRepository stories) {
        this.dir = dir;
        this.stories = stories;
    }

    /**
     * Where a store's index lives: beside its site folder, named after it ("site" has "search-index", "wire-site"
     * has "wire-search-index"), so stores in one parent folder never share an index, as they never share a site.
     */
    public static Path besideSite(Path site) {
        String name = site.getFileName() == null ? "site" : site.getFileName().toString();
        String base = name.equals("site") || name.endsWith("-site") ? name.substring(0, name.length() - 4) : name + "-";
        return site.resolveSibling(base + "search-index");
    }

    /** Opens the index in {@code dir}, rebuilding it from the store when it cannot be read. */
    public static SearchIndex open(Path dir, StoryRepository stories) {
        SearchIndex index = new SearchIndex(dir, stories);
        try {
            if (!index.openWriter()) {
                throw new IllegalStateException("analysed by another version");
            }
        } catch (IOException | RuntimeException damagedOrStale) {
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

    /** Opens the writer; false when the index on disk was analysed otherwise and must be rebuilt. */
    private boolean openWriter() throws IOException {
        Files.createDirectories(dir);
        directory = FSDirectory.open(dir);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Map<String, String> data = reader.getIndexCommit().getUserData();
            lastId = Long.parseLong(data.getOrDefault(LAST_ID, "0"));
            lastHeadlineRow = Long.parseLong(data.getOrDefault(LAST_HEADLINE, "0"));
            return ANALYSIS_MARKER.equals(data.get(ANALYSIS));
        }
    }

    /**
     * Whether opening found the index damaged, written by something else or analysed otherwise than this version
     * analyses, and started it anew (the next {@link #catchUp()} indexes every story again).
     */
    public boolean wasRebuilt() {
        return rebuilt;
    }

    /**
     * Indexes every story the index does not hold yet, and indexes again the stories retitled since it last looked
     * (a house headline written after the story was indexed is found by its words); returns how many were new.
     */
    public synchronized int catchUp() {
        int added = 0;
        try {
            for (List<Story> batch = stories.after(lastId, BATCH); !batch.isEmpty();
                 batch = stories.after(lastId, BATCH)) {
                for (Story s : batch) {
                    writer.addDocument(StoryFields.of(s));
                    lastId = s.id().value();
                    added++;
                }
                commit();
            }
            long from = Math.max(0, lastHeadlineRow - HEADLINE_OVERLAP);
            for (List<long[]> rows = stories.headlinesWrittenAfter(from, BATCH); !rows.isEmpty();
                 rows = stories.headlinesWrittenAfter(from, BATCH)) {
                java.util.Set<Long> retitled = new java.util.TreeSet<>();
                for (long[] row : rows) {
                    from = row[0];
                    // a story that arrived meanwhile is indexed whole by the next catch-up
                    if (row[1] <= lastId && headlineRowsSeen.add(row[0])) {
                        lastHeadlineRow = Math.max(lastHeadlineRow, row[0]);
                        retitled.add(row[1]);
                    }
                }
                for (long id : retitled) {
                    Story s = stories.find(new StoryId(id)).orElse(null);
                    if (s != null) {
                        writer.updateDocuments(LongPoint.newExactQuery(StoryFields.ID, id), List.of(StoryFields.of(s)));
                    }
                }
                commit();
            }
            headlineRowsSeen.headSet(Math.max(0, lastHeadlineRow - HEADLINE_OVERLAP)).clear();
            searchers.maybeRefresh();
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the search index in " + dir, e);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(LAST_ID, Long.toString(lastId), LAST_HEADLINE,
                Long.toString(lastHeadlineRow),
                ANALYSIS, ANALYSIS_MARKER).entrySet());
        writer.commit();
    }

    /**
     * The stories best matching the words typed, in any of the desk's languages, each word also found in its other
     * forms ("strike" finds "strikes", "Streik" finds "Streiks"): words, "phrases" (the words in this order, in any
     * of their forms), -not, a|b, a+b, prefix*. Headline matches come first, each hit with the matching words marked.
     */
    public List<SearchHit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> fields = fields(searcher);
                Query query = TypedQuery.parse(analyzer, fields, text);
                if (query == null) {
                    return List.of();
                }
                TopDocs top = searcher.search(query, limit);
                return hits(searcher, query, top);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the index in " + dir, e);
        }
    }

    /** The fields the index holds now: only the languages it has stories in are searched. */
    private static List<String> fields(IndexSearcher searcher) {
        FieldInfos infos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
        return StreamSupport.stream(infos.spliterator(), false).map((FieldInfo f) -> f.name).sorted().toList();
    }

    /**
     * Each hit with its headline and a passage or two of its body, the matching words marked. The hits are marked
     * language by language, each in its own two fields only.
     */
    private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        ScoreDoc[] docs = top.scoreDocs;
        long[] ids = new long[docs.length];
        Map<String, List<Integer>> byLanguage = new TreeMap<>();
        for (int i = 0; i < docs.length; i++) {
            Document doc = searcher.storedFields().document(docs[i].doc, STORED_KEYS);
            ids[i] = doc.getField(StoryFields.ID).numericValue().longValue();
            byLanguage.computeIfAbsent(doc.get(StoryFields.LANGUAGE), k -> new ArrayList<>()).add(i);
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter(String.valueOf(SearchHit.MARK_START),
                        String.valueOf(SearchHit.MARK_END), "… ", false))
                .withMaxLength(20_000)
                .build();
        String[] headlines = new String[docs.length];
        String[] snippets = new String[docs.length];
        for (Map.Entry<String, List<Integer>> group : byLanguage.entrySet()) {
            String headline = StoryFields.headline(group.getKey());
            String body = StoryFields.body(group.getKey());
            int[] docIds = group.getValue().stream().mapToInt(i -> docs[i].doc).toArray();
            Map<String, String[]> marked = highlighter.highlightFields(new String[] {headline, body}, query, docIds,
                    new int[] {1, 2});
            for (int k = 0; k < docIds.length; k++) {
                int i = group.getValue().get(k);
                headlines[i] = marked.get(headline)[k] != null ? marked.get(headline)[k]
                        : searcher.storedFields().document(docIds[k], java.util.Set.of(headline)).get(headline);
                snippets[i] = marked.get(body)[k];
            }
        }
        List<SearchHit> out = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            out.add(new SearchHit(new StoryId(ids[i]), headlines[i] != null ? headlines[i] : "",
                    snippets[i] == null ? "" : snippets[i], docs[i].score));
        }
        return out;
    }

    /** The id of the last story indexed: the next {@link #catchUp()} starts after it. */
    public long lastIndexedId() {
        return lastId;
    }

    @Override
    public void close() {
        closeQuietly();
        analyzer.close();
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
            // closing a damaged or stale index: it is about to be rebuilt or dropped
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
