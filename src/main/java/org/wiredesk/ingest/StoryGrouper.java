package org.wiredesk.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.GroupingRepository;
import org.wiredesk.store.GroupingRepository.Signature;

/**
 * Groups each new story with what it copies (the same text from another outlet) and with the stories that report
 * the same event (from other agencies, {@link SameEvent}), among the stories received in the last two days. The
 * recent signatures are kept in memory with an inverted index over their terms, and reloaded from the store every
 * minute so stories that other workstations ingest are seen too.
 */
public final class StoryGrouper {
    /** Estimated shingle Jaccard at or above which a story is a copy of another's text. */
    public static final double COPY = 0.5;
    /** TF-IDF cosine of headline and lead at or above which two stories may report the same event. */
    public static final double SAME_EVENT = SameEvent.COSINE;
    static final Duration WINDOW = Duration.ofHours(48);
    static final Duration RELOAD = Duration.ofMinutes(1);
    static final int MAX_RECENT = 20_000;
    /**
     * Fewer recent stories than this and word rarity means little (in a handful of stories every name looks rare):
     * then only copies are grouped, not events.
     */
    static final int MIN_STORIES_FOR_EVENTS = 30;

    private final GroupingRepository repository;
    private final Clock clock;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<String, List<Entry>> postings = new HashMap<>();
    private final Map<String, Integer> df = new HashMap<>();
    private Instant loadedAt = Instant.MIN;
    private Instant lastRegroup = Instant.EPOCH;

    /** One recent story as grouping sees it. */
    private record Entry(StoryId id, StoryId cluster, Instant received, String minhash, SameEvent.Report report) {
        Map<String, Integer> terms() {
            return report.terms().counts();
        }

        Entry inCluster(StoryId newCluster) {
            return new Entry(id, newCluster, received, minhash, report);
        }
    }

    /** What grouping decided for one story. */
    public record Grouping(StoryId copyOf, StoryId cluster, double copySimilarity, double eventSimilarity) {
    }

    public StoryGrouper(GroupingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Groups a newly stored story and records the result. */
    public synchronized Grouping group(StoryId id, String headline, String bodyText, Instant received) {
        refresh();
        String minhash = Similarity.minhash(bodyText);
        String leadTerms = Similarity.leadTerms(headline, bodyText);
        GroupingRepository.Origin origin = repository.origin(id);
        SameEvent.Report report = new SameEvent.Report(origin.source(), origin.publishedAtSource(),
                Similarity.parse(leadTerms));
        Map<String, Integer> terms = report.terms().counts();

        Entry bestCopy = null;
        double copy = 0;
        Entry bestEvent = null;
        double event = 0;
        int docs = recent.size() + 1;
        Map<String, Integer> dfWithThis = new HashMap<>(df);
        terms.keySet().forEach(w -> dfWithThis.merge(w, 1, Integer::sum));
        for (Entry candidate : candidates(terms, docs)) {
            if (!SameEvent.differentSources(report, candidate.report())) {
                continue;
            }
            double c = Similarity.copySimilarity(minhash, candidate.minhash());
            if (c > copy) {
                copy = c;
                bestCopy = candidate;
            }
            if (!SameEvent.closeInTime(report, candidate.report())
                    || !SameEvent.headlinesAgree(report, candidate.report())) {
                continue;
            }
            double e = Similarity.eventSimilarity(terms, candidate.terms(), dfWithThis, docs);
            if (e > event) {
                event = e;
                bestEvent = candidate;
            }
        }
        StoryId copyOf = copy >= COPY ? bestCopy.id() : null;
        boolean eventsMeaningful = docs >= MIN_STORIES_FOR_EVENTS;
        Entry joined = copy >= COPY ? bestCopy : eventsMeaningful && event >= SameEvent.COSINE ? bestEvent : null;
        StoryId cluster = joined == null ? id : joined.cluster() != null ? joined.cluster() : joined.id();
        repository.save(id, minhash, leadTerms, copyOf, cluster);
        add(new Entry(id, cluster, received, minhash, report));
        return new Grouping(copyOf, cluster, copy, event);
    }

    /**
     * Recomputes the clusters of the whole window from scratch with today's word statistics (single link over
     * copies and same-event pairs), and records the clusters that changed. Incremental grouping cannot revisit a
     * story that arrived before its statistics were good enough; this does.
     */
    public synchronized int regroup() {
        refresh();
        List<Entry> entries = new ArrayList<>(recent);
        Map<StoryId, StoryId> parent = new HashMap<>();
        entries.forEach(e -> parent.put(e.id(), e.id()));
        int docs = entries.size();
        boolean eventsMeaningful = docs >= MIN_STORIES_FOR_EVENTS;
        for (Entry e : entries) {
            for (Entry other : candidates(e.terms(), docs)) {
                if (other.id().value() >= e.id().value()) {
                    continue;
                }
                boolean copy = SameEvent.differentSources(e.report(), other.report())
                        && Similarity.copySimilarity(e.minhash(), other.minhash()) >= COPY;
                boolean event = eventsMeaningful && SameEvent.same(e.report(), other.report(), df, docs);
                if (copy || event) {
                    union(parent, e.id(), other.id());
                }
            }
        }
        Map<StoryId, StoryId> smallest = new HashMap<>();
        for (Entry e : entries) {
            smallest.merge(find(parent, e.id()), e.id(), (a, b) -> a.value() <= b.value() ? a : b);
        }
        int changed = 0;
        List<Entry> updated = new ArrayList<>();
        for (Entry e : entries) {
            StoryId cluster = smallest.get(find(parent, e.id()));
            if (!cluster.equals(e.cluster())) {
                repository.saveCluster(e.id(), cluster);
                changed++;
                updated.add(e.inCluster(cluster));
            } else {
                updated.add(e);
            }
        }
        recent.clear();
        postings.clear();
        df.clear();
        updated.forEach(this::add);
        lastRegroup = clock.instant();
        return changed;
    }

    /** Regroups when the last regroup is more than a minute old (for ingest one document at a time). */
    public synchronized void regroupIfDue() {
        if (Duration.between(lastRegroup, clock.instant()).compareTo(RELOAD) >= 0) {
            regroup();
        }
    }

    private static StoryId find(Map<StoryId, StoryId> parent, StoryId x) {
        while (!parent.get(x).equals(x)) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    private static void union(Map<StoryId, StoryId> parent, StoryId a, StoryId b) {
        parent.put(find(parent, a), find(parent, b));
    }

    /** Recent stories sharing at least one term that is not in most of them. */
    private List<Entry> candidates(Map<String, Integer> terms, int docs) {
        Set<StoryId> seen = new HashSet<>();
        List<Entry> out = new ArrayList<>();
        for (String term : terms.keySet()) {
            List<Entry> list = postings.get(term);
            if (list == null || list.size() > Math.max(50, docs / 5)) {
                continue;
            }
            for (Entry e : list) {
                if (seen.add(e.id())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private void refresh() {
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(RELOAD) < 0) {
            evictBefore(now.minus(WINDOW));
            return;
        }
        recent.clear();
        postings.clear();
        df.clear();
        List<Signature> loaded = repository.since(now.minus(WINDOW), MAX_RECENT);
        for (int i = loaded.size() - 1; i >= 0; i--) {
            Signature s = loaded.get(i);
            add(new Entry(s.id(), s.clusterId(), s.received(), s.minhash(),
                    new SameEvent.Report(s.source(), s.publishedAtSource(), Similarity.parse(s.leadTerms()))));
        }
        loadedAt = now;
    }

    private void add(Entry e) {
        recent.addLast(e);
        for (String term : e.terms().keySet()) {
            postings.computeIfAbsent(term, k -> new ArrayList<>()).add(e);
            df.merge(term, 1, Integer::sum);
        }
        while (recent.size() > MAX_RECENT) {
            remove(recent.removeFirst());
        }
    }

    private void evictBefore(Instant cutoff) {
        while (!recent.isEmpty() && recent.peekFirst().received().isBefore(cutoff)) {
            remove(recent.removeFirst());
        }
    }

    private void remove(Entry e) {
        for (String term : e.terms().keySet()) {
            List<Entry> list = postings.get(term);
            if (list != null) {
                list.remove(e);
                if (list.isEmpty()) {
                    postings.remove(term);
                }
            }
            df.computeIfPresent(term, (k, v) -> v > 1 ? v - 1 : null);
        }
    }
}
