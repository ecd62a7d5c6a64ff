package org.wiredesk.desk.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.InboxQuery;
import org.wiredesk.store.InboxRepository;

/**
 * Fills the inbox's {@link PagedRows}: the first page of rows at once (one keyset query), then the keys of the rest
 * in chunks, each appended as it comes, so the first screen never waits for the millionth story and every story is
 * reached by scrolling. In received order the list grows chunk by chunk; ordered by the source's time, every key is
 * read first and sorted in memory (8 bytes a story). "Group same event" keeps each event's newest report (or only the
 * expanded event's reports) as the keys go by. Each load carries a generation: a stale one stops at its next chunk.
 */
final class InboxLoader {
    static final int FIRST = PagedRows.PAGE;
    static final int CHUNK = 50_000;

    /** How the inbox is ordered. */
    enum Order {
        NEWEST_FIRST, OLDEST_FIRST, AT_SOURCE_NEWEST_FIRST, AT_SOURCE_OLDEST_FIRST, MOST_URGENT_FIRST,
        LEAST_URGENT_FIRST;

        boolean byReceived() {
            return this == NEWEST_FIRST || this == OLDEST_FIRST;
        }

        InboxRepository.SortKey key() {
            return byReceived() ? InboxRepository.SortKey.NONE : this == MOST_URGENT_FIRST || this == LEAST_URGENT_FIRST
                    ? InboxRepository.SortKey.URGENCY : InboxRepository.SortKey.AT_SOURCE;
        }

        /** Whether the key sorts up (oldest time, or urgency 1, first). */
        boolean ascending() {
            return this == AT_SOURCE_OLDEST_FIRST || this == MOST_URGENT_FIRST;
        }
    }

    /** What one load shows. */
    record Plan(InboxQuery query, Order order, boolean grouped, long expanded) {
    }

    /**
     * The top of a load: its first page of rows (empty when ordered by the source's time), and the newest story and
     * status change there were just before it was read, so nothing that arrives during a load is missed.
     */
    record Top(List<StorySummary> page, long newestId, long lastChange) {
    }

    private final int firstSize;
    private final int chunkSize;
    private final InboxRepository inbox;
    private final TaskRunner runner;
    private final PagedRows rows;
    private final Consumer<Throwable> fail;
    private final Consumer<List<StorySummary>> read;
    private long generation;
    private boolean complete;
    private long cursorMs = Long.MAX_VALUE;
    private long cursorId = Long.MAX_VALUE;

    /** @param read sees every row read here, off the FX thread (for the marks a row needs) */
    InboxLoader(InboxRepository inbox, TaskRunner runner, PagedRows rows, Consumer<Throwable> fail,
                Consumer<List<StorySummary>> read) {
        this(inbox, runner, rows, fail, read, FIRST, CHUNK);
    }

    /** With another first page and chunk size (tests use small ones). */
    InboxLoader(InboxRepository inbox, TaskRunner runner, PagedRows rows, Consumer<Throwable> fail,
                Consumer<List<StorySummary>> read, int firstSize, int chunkSize) {
        this.firstSize = firstSize;
        this.chunkSize = chunkSize;
        this.read = read;
        this.inbox = inbox;
        this.runner = runner;
        this.rows = rows;
        this.fail = fail;
    }

    /** Whether every key of the current load is in (the last story can be scrolled to). */
    boolean complete() {
        return complete;
    }

    /**
     * Whether the load has read past this key already (or is done), so a story there that is not listed is not in
     * the view; one further down will come with its chunk. (Received order, newest first, as refreshes use.)
     */
    boolean passed(long receivedMs, long id) {
        return complete || receivedMs > cursorMs || receivedMs == cursorMs && id >= cursorId;
    }

    /** Drops whatever is still loading (another list is shown now). */
    void cancel() {
        generation++;
        complete = true;
    }

    /** Loads what {@code plan} shows; {@code first} gets the first page's rows when they are shown. */
    void load(Plan plan, Consumer<Top> first) {
        long mine = ++generation;
        complete = false;
        cursorMs = Long.MAX_VALUE;
        cursorId = Long.MAX_VALUE;
        Fold fold = new Fold(plan.grouped(), plan.expanded());
        if (!plan.order().byReceived()) {
            Keys all = new Keys();
            runner.run(() -> new Top(List.of(), inbox.newestId(), inbox.lastStatusChange()), top -> {
                if (mine == generation) {
                    chunk(mine, plan, -1, -1, all, fold, done -> first.accept(top));
                }
            }, fail);
            return;
        }
        boolean oldestFirst = plan.order() == Order.OLDEST_FIRST;
        runner.run(() -> {
            long newest = inbox.newestId();
            long change = inbox.lastStatusChange();
            List<StorySummary> rowsRead = inbox.page(plan.query(), oldestFirst, null, firstSize);
            read.accept(rowsRead);
            return new Top(rowsRead, newest, change);
        }, top -> {
            if (mine != generation) {
                return;
            }
            List<StorySummary> page = top.page();
            Keys shown = new Keys();
            for (StorySummary r : page) {
                if (fold.keeps(r.id().value(), r.group())) {
                    shown.add(r.id().value(), r.received().toEpochMilli(), 0, r.group());
                }
            }
            rows.keep(page);
            rows.setAll(shown.ids(), shown.size());
            first.accept(top);
            if (page.size() < firstSize) {
                complete = true;
                return;
            }
            StorySummary last = page.get(page.size() - 1);
            cursorMs = last.received().toEpochMilli();
            cursorId = last.id().value();
            chunk(mine, plan, last.received().toEpochMilli(), last.id().value(), null, fold, r -> { });
        }, fail);
    }

    /**
     * Reads the next chunk of keys after (afterMs, afterId): appended at once in received order, else gathered in
     * {@code all} and sorted by the source's time when the last chunk is in.
     */
    private void chunk(long mine, Plan plan, long afterMs, long afterId, Keys all, Fold fold,
                       Consumer<List<StorySummary>> first) {
        boolean oldestFirst = plan.order() == Order.OLDEST_FIRST;
        runner.run(() -> {
            Keys read = new Keys();
            inbox.keys(plan.query(), oldestFirst, afterMs, afterId, chunkSize, plan.order().key(), read::add);
            return read;
        }, read -> {
            if (mine != generation) {
                return;
            }
            Keys kept = read.kept(fold);
            if (all == null) {
                rows.append(kept.ids(), kept.size());
            } else {
                all.addAll(kept);
            }
            if (read.size() < chunkSize) {
                if (all != null) {
                    all.sortByKey(plan.order().ascending());
                    rows.setAll(all.ids(), all.size());
                    first.accept(null);
                }
                complete = true;
                return;
            }
            cursorMs = read.lastReceived();
            cursorId = read.lastId();
            chunk(mine, plan, read.lastReceived(), read.lastId(), all, fold, first);
        }, fail);
    }

    /** Which reports "Group same event" keeps: each event's first seen (its newest), or the expanded event's. */
    private static final class Fold {
        private final boolean grouped;
        private final long expanded;
        private final Set<Long> seen = new HashSet<>();

        Fold(boolean grouped, long expanded) {
            this.grouped = grouped;
            this.expanded = expanded;
        }

        boolean keeps(long id, long group) {
            if (!grouped) {
                return true;
            }
            if (expanded != 0) {
                return group == expanded;
            }
            return seen.add(group);
        }
    }

    /** Keys in primitive arrays: 32 bytes a story while loading, 8 (the ids) once shown. */
    private static final class Keys {
        private long[] id = new long[1024];
        private long[] received = new long[1024];
        private long[] atSource = new long[1024];
        private long[] group = new long[1024];
        private int size;

        void add(long i, long r, long s, long g) {
            if (size == id.length) {
                int n = size * 2;
                id = Arrays.copyOf(id, n);
                received = Arrays.copyOf(received, n);
                atSource = Arrays.copyOf(atSource, n);
                group = Arrays.copyOf(group, n);
            }
            id[size] = i;
            received[size] = r;
            atSource[size] = s;
            group[size] = g;
            size++;
        }

        void addAll(Keys other) {
            for (int k = 0; k < other.size; k++) {
                add(other.id[k], other.received[k], other.atSource[k], other.group[k]);
            }
        }

        Keys kept(Fold fold) {
            Keys out = new Keys();
            for (int k = 0; k < size; k++) {
                if (fold.keeps(id[k], group[k])) {
                    out.add(id[k], received[k], atSource[k], group[k]);
                }
            }
            return out;
        }

        /** Ordered by the key read (the source's time, the urgency; none last), newest received first among equals. */
        void sortByKey(boolean oldestFirst) {
            Integer[] order = new Integer[size];
            for (int k = 0; k < size; k++) {
                order[k] = k;
            }
            java.util.Comparator<Integer> known = (a, b) -> Boolean.compare(atSource[a] == Long.MIN_VALUE,
                    atSource[b] == Long.MIN_VALUE);
            java.util.Comparator<Integer> time = (a, b) -> oldestFirst ? Long.compare(atSource[a], atSource[b])
                    : Long.compare(atSource[b], atSource[a]);
            Arrays.sort(order, known.thenComparing(time).thenComparing((a, b) -> Integer.compare(a, b)));
            long[] sorted = new long[size];
            for (int k = 0; k < size; k++) {
                sorted[k] = id[order[k]];
            }
            id = sorted;
        }

        long[] ids() {
            return id;
        }

        int size() {
            return size;
        }

        long lastReceived() {
            return received[size - 1];
        }

        long lastId() {
            return id[size - 1];
        }
    }

    /** Stories of the list, by id, for the caller that needs to know which are shown. */
    static List<Long> idsOf(List<StorySummary> rows) {
        List<Long> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.id().value()));
        return out;
    }
}
