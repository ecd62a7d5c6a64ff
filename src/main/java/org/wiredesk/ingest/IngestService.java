package org.wiredesk.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.wiredesk.story.Body;
import org.wiredesk.story.Headline;
import org.wiredesk.story.NewStory;
import org.wiredesk.story.QuarantineEntry;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.Original;
import org.wiredesk.store.QuarantineRepository;
import org.wiredesk.store.StoryRepository;

/**
 * Turns sources into stored stories: loads each document, reads it as a feed or an article page, sanitizes
 * every body, fingerprints it and stores it once. Whatever cannot be ingested goes to the quarantine with
 * its reason, so nothing is lost.
 */
public final class IngestService {
    private BiConsumer<StoryId, NewStory> agencyWithdrew = (id, story) -> { };
    /** A feed item with less body text than this carries only a summary. */
    static final int SUMMARY_CHARS = 400;

    private final StoryRepository stories;
    private final QuarantineRepository quarantine;
    private final DocumentLoader loader;
    private final Clock clock;
    private final StoryGrouper grouper;
    private final FeedReader feeds = new FeedReader();
    private final NewsmlG2Reader newsml = new NewsmlG2Reader();
    private final NinjsReader ninjs = new NinjsReader();
    private final ArticleExtractor articles = new ArticleExtractor();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public IngestService(StoryRepository stories, QuarantineRepository quarantine, DocumentLoader loader,
                         StoryGrouper grouper, Clock clock) {
        this.stories = stories;
        this.quarantine = quarantine;
        this.loader = loader;
        this.grouper = grouper;
        this.clock = clock;
    }

    /** Told after each document: its outcome, its place among the source's documents, and how many there are. */
    @FunctionalInterface
    public interface Progress {
        void done(SourceOutcome outcome, int index, int total);
    }

    /** Ingests named sources (files, folders, http(s) addresses), reporting each document as it is done. */
    public IngestReport ingest(List<String> sources, String actor, Consumer<SourceOutcome> progress) {
        return ingest(sources, actor, (Progress) (outcome, index, total) -> progress.accept(outcome));
    }

    /** Ingests named sources, reporting each document with its place in its source. */
    public IngestReport ingest(List<String> sources, String actor, Progress progress) {
        List<SourceOutcome> outcomes = new ArrayList<>();
        for (String source : sources) {
            List<String> entries;
            try {
                entries = loader.entries(source);
            } catch (SourceUnavailableException e) {
                entries = List.of(source);
            }
            // each file of a folder is loaded on its own: one that cannot be read (too large) stops no other
            for (int i = 0; i < entries.size(); i++) {
                for (SourceOutcome outcome : ingestEntry(entries.get(i), actor)) {
                    outcomes.add(outcome);
                    progress.done(outcome, i + 1, entries.size());
                }
            }
        }
        grouper.regroup();
        return new IngestReport(outcomes);
    }

    private List<SourceOutcome> ingestEntry(String entry, String actor) {
        List<SourceDocument> docs;
        try {
            docs = loader.load(entry);
        } catch (SourceUnavailableException e) {
            return List.of(refuse(entry, e.getMessage()));
        }
        return docs.stream().map(doc -> ingestOne(doc, actor, IngestContext.BY_HAND)).toList();
    }

    /** Ingests one document already in hand (and regroups the recent stories when that is due). */
    public SourceOutcome ingest(SourceDocument doc, String actor) {
        return ingest(doc, actor, IngestContext.BY_HAND);
    }

    /** Ingests one document from a desk source. */
    public SourceOutcome ingest(SourceDocument doc, String actor, IngestContext context) {
        SourceOutcome outcome = ingestOne(doc, actor, context);
        grouper.regroupIfDue();
        return outcome;
    }

    /**
     * Tries a quarantined entry again: its kept bytes, or its address when nothing could be fetched. The entry is
     * marked retried either way; refused again, the new refusal is kept as a new entry with today's reason.
     */
    public SourceOutcome retry(QuarantineEntry entry, String actor) {
        SourceOutcome outcome;
        var content = quarantine.content(entry.id());
        if (content.isPresent()) {
            outcome = ingest(new SourceDocument(entry.origin(), null, content.get(), null), actor);
        } else if (quarantine.isShared() && !DocumentLoader.isWebAddress(entry.origin())) {
            // on a shared desk a path names a file on the workstation that ingested it, not on this one: another
            // member's quarantine row must not make this workstation read its own files into the desk
            throw new org.wiredesk.story.WorkflowException("This was a file on the workstation that ingested it: ingest it again "
                    + "from there");
        } else {
            outcome = ingest(List.of(entry.origin()), actor, o -> { }).outcomes().get(0);
        }
        quarantine.markRetried(entry.id(), clock.instant());
        return outcome;
    }

    /** Keeps aside what could not even be read (too large, unreadable), with the reason and without bytes. */
    public SourceOutcome refuse(String origin, String reason) {
        quarantine.add(origin, reason, null, clock.instant());
        return SourceOutcome.refused(origin, "unavailable", reason);
    }

    /** Regroups the recent stories now: after a run of single-document ingests. */
    public void regroup() {
        grouper.regroup();
    }

    private SourceOutcome ingestOne(SourceDocument given, String actor, IngestContext context) {
        // every reader decodes in the order Charsets decides (BOM, HTTP, XML declaration, meta tag, a guess)
        SourceDocument doc = Charsets.labelled(given);
        String readAs = Charsets.of(given).describe();
        DocumentKind kind = DocumentKind.of(doc);
        // the bytes as they arrived, archived with whatever is stored from them (ADR 30)
        Original original = new Original(kindName(kind), given.origin(), given.location(), given.contentType(),
                readAs, given.fetched() != null ? given.fetched() : clock.instant(), given.content());
        Map<WireItem, Original> linkedPages = new IdentityHashMap<>();
        try {
            return switch (kind) {
                case FEED -> store(doc, "feed", stories(withFullText(feeds.read(doc), context, linkedPages)), actor,
                        context, readAs, new Derivation(original, "feed reader", linkedPages));
                case PAGE -> store(doc, "page", stories(List.of(articleItem(doc))), actor, context, readAs,
                        new Derivation(original, "article extractor", linkedPages));
                case NEWSML_G2 -> store(doc, "newsml-g2", newsml.read(doc), actor, context, readAs,
                        new Derivation(original, "newsml-g2 reader", linkedPages));
                case NINJS -> store(doc, "ninjs", ninjs.read(doc), actor, context, readAs,
                        new Derivation(original, "ninjs reader", linkedPages));
                case UNKNOWN -> throw new NotIngestibleException("neither a feed nor an article page, nor a NewsML-G2 "
                        + "or ninjs item");
            };
        } catch (NotIngestibleException e) {
            return reject(doc, kindName(kind), e.getMessage());
        } catch (RuntimeException e) {
            return reject(doc, kindName(kind), "could not be read: " + e);
        }
    }

    private static String kindName(DocumentKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static List<ReadItem> stories(List<WireItem> items) {
        return items.stream().map(ReadItem::story).toList();
    }

    private WireItem articleItem(SourceDocument doc) throws NotIngestibleException {
        Article article = articles.extract(doc);
        if (!article.readsAsArticle()) {
            int depth = MarkupDepth.of(doc.content());
            if (depth > MarkupDepth.PARSER_KEEPS) {
                // the parser flattened it past its depth: the desk is told, so a strange page does not puzzle it
                throw new NotIngestibleException("not an article: the page has no article text, and its markup nests "
                        + depth + " levels deep (the parser keeps " + MarkupDepth.PARSER_KEEPS + ")");
            }
            throw new NotIngestibleException("not an article: the page has no article text");
        }
        String url = article.url();
        if (url != null && url.startsWith("file:")) {
            url = null;
        }
        String base = doc.location() == null ? "" : doc.location().toString();
        return new WireItem(null, url, article.siteName() != null ? article.siteName() : "Unknown source",
                article.headline(), article.bodyHtml(), url != null ? url : base, article.byline(),
                article.language(), article.published(), null, null, FeedReader.formatOnly("html"));
    }

    /**
     * Feed items that carry only a summary, with their linked page's article body when the context allows; each item
     * whose body came from its page is noted with that page's original in {@code linkedPages}.
     */
    private List<WireItem> withFullText(List<WireItem> items, IngestContext context,
                                        Map<WireItem, Original> linkedPages) {
        if (!context.fetchLinkedPages()) {
            return items;
        }
        List<WireItem> out = new ArrayList<>();
        for (WireItem item : items) {
            out.add(isSummaryOnly(item) ? fullText(item, linkedPages) : item);
        }
        return out;
    }

    /**
     * Where each stored item's body came from: the document's original, or (a feed item whose body is its linked
     * page's article) that page's, and which reader derived it.
     */
    private record Derivation(Original document, String reader, Map<WireItem, Original> linkedPages) {
        Original originalOf(WireItem item) {
            Original page = linkedPages.get(item);
            return page != null ? page : document;
        }

        String derivedBy(WireItem item) {
            return IngestBuild.derivedBy(linkedPages.containsKey(item) ? "article extractor (the feed item's page)"
                    : reader);
        }
    }

    private static boolean isSummaryOnly(WireItem item) {
        return item.url() != null && DocumentLoader.isWebAddress(item.url())
                && BodyText.of(item.bodyHtml() == null ? "" : item.bodyHtml()).length() < SUMMARY_CHARS;
    }

    private WireItem fullText(WireItem item, Map<WireItem, Original> linkedPages) {
        try {
            List<SourceDocument> pages = loader.load(item.url());
            SourceDocument page = pages.get(0);
            Article article = articles.extract(Charsets.labelled(page));
            if (article.readsAsArticle() && article.bodyText().length()
                    > BodyText.of(item.bodyHtml() == null ? "" : item.bodyHtml()).length()) {
                // the item's own embargo and format stay with it: only the body comes from the page
                WireItem full = item.withBody(article.bodyHtml(),
                        page.location().toString(), item.byline() != null ? item.byline() : article.byline(),
                        item.language() != null ? item.language() : article.language(),
                        item.published() != null ? item.published() : article.published());
                linkedPages.put(full, new Original("page", page.origin(), page.location(), page.contentType(),
                        Charsets.of(page).describe(), page.fetched() != null ? page.fetched() : clock.instant(),
                        page.content()));
                return full;
            }
        } catch (SourceUnavailableException | RuntimeException e) {
            // the summary is still a story; the page can be fetched on a later poll
        }
        return item;
    }

    private SourceOutcome store(SourceDocument doc, String kind, List<ReadItem> items, String actor,
                                IngestContext context, String readAs, Derivation derivation) {
        int added = 0;
        int duplicates = 0;
        int rejected = 0;
        int updated = 0;
        List<String> problems = new ArrayList<>();
        Instant received = clock.instant();
        for (ReadItem read : items) {
            if (read.isRefused()) {
                // an item the agency sent that is not a story (a picture, an item without a headline): kept aside
                // with its own bytes, the rest of the document still goes in
                quarantine.add(doc.origin() + (read.id() != null ? " #" + read.id() : ""), read.refusal(),
                        read.content(), received);
                problems.add(read.refusal());
                rejected++;
                continue;
            }
            WireItem item = read.item();
            NewStory story;
            try {
                story = toStory(item, received, context, readAs);
            } catch (NotIngestibleException e) {
                String origin = doc.origin() + (item.guid() != null ? " #" + item.guid()
                        : item.url() != null ? " #" + item.url() : "");
                quarantine.add(origin, e.getMessage(), read.content() != null ? read.content() : rawItem(item),
                        received);
                problems.add(e.getMessage());
                rejected++;
                continue;
            }
            StoryRepository.Stored stored = stories.store(story, actor, derivation.originalOf(item),
                    derivation.derivedBy(item));
            switch (stored.outcome()) {
                case NEW -> {
                    added++;
                    grouper.group(stored.id(), story.agencyHeadline().text(), BodyText.of(story.body().html()),
                            story.received());
                }
                case UPDATED_AT_SOURCE -> {
                    duplicates++;
                    updated++;
                    if (story.agency().withdrawn()) {
                        agencyWithdrew.accept(stored.id(), story);
                    }
                }
                case DUPLICATE -> duplicates++;
            }
        }
        return new SourceOutcome(doc.origin(), kind, added, duplicates, rejected, problems, updated, false);
    }

    /**
     * What to do when an agency's later version withdraws a story we have (the desk notes it for the desk chiefs when
     * the story is published); nothing by default.
     */
    public void whenTheAgencyWithdraws(BiConsumer<StoryId, NewStory> action) {
        this.agencyWithdrew = action;
    }

    private NewStory toStory(WireItem item, Instant received, IngestContext context, String readAs)
            throws NotIngestibleException {
        if (item.embargoStated() != null && item.embargo() == null) {
            // an embargo that is not understood is not no embargo: the item waits in the quarantine for a person
            throw new NotIngestibleException("it states an embargo the desk cannot read (\"" + item.embargoStated()
                    + "\"): kept aside rather than risk running it early");
        }
        String html = sanitizer.sanitize(item.bodyHtml(), item.baseUri());
        Body body = BodyText.bodyOf(html);
        String text = BodyText.of(html);
        refuseBadlyDecoded(item, text, readAs);
        if (text.isBlank()) {
            throw new NotIngestibleException("item has no body text");
        }
        URI url = safeUri(item.url());
        String key = item.guid() != null ? item.guid() : url != null ? url.toString() : "sha256:" + body.sha256();
        if (key.strip().length() > 4000 || (url != null && url.toString().length() > 4000)) {
            // the store keeps 4,000 characters of each, and knows an item by their hashes: it would not find it again
            throw new NotIngestibleException("its guid or address is longer than 4,000 characters, more than the "
                    + "store keeps");
        }
        // the agency headline is kept for ever: decoded exactly once, and never made up from the body
        String title = PlainText.withoutSiteName(PlainText.decoded(item.headline()),
                PlainText.siteName(item.sourceName()));
        if (title == null) {
            throw new NotIngestibleException("the item has no title: the desk keeps the agency's headline as sent, "
                    + "and does not make one up");
        }
        Headline headline;
        try {
            headline = new Headline(title);
        } catch (IllegalArgumentException e) {
            throw new NotIngestibleException("unusable headline: " + e.getMessage());
        }
        String sourceName = context.credit() != null ? context.credit() : item.sourceName();
        return new NewStory(key, sourceName, url, headline, body, PlainText.decoded(item.byline()), item.language(),
                item.published(), received, context.sourceId(),
                item.embargo() == null ? null : item.embargo().toInstant(), item.agency());
    }

    /**
     * Text that did not decode cleanly (replacement characters, C1 controls, UTF-8 decoded twice) never becomes a
     * headline or a body: a body can never be corrected once stored (ADR 20).
     */
    private static void refuseBadlyDecoded(WireItem item, String bodyText, String readAs)
            throws NotIngestibleException {
        String problem = firstNonNull(Mojibake.problem("The headline", item.headline(), readAs),
                Mojibake.problem("The body", bodyText, readAs),
                Mojibake.problem("The byline", item.byline(), readAs),
                Mojibake.problem("The source's name", item.sourceName(), readAs));
        if (problem != null) {
            throw new NotIngestibleException(problem + ": kept aside with its bytes rather than stored as it reads");
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private SourceOutcome reject(SourceDocument doc, String kind, String reason) {
        quarantine.add(doc.origin(), reason, doc.content(), clock.instant());
        return SourceOutcome.refused(doc.origin(), kind, reason);
    }

    private static byte[] rawItem(WireItem item) {
        String raw = "<!-- headline: " + item.headline() + " -->\n" + (item.bodyHtml() == null ? "" : item.bodyHtml());
        return raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static URI safeUri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
