package org.wiredesk.desk.inbox;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableListBase;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.StorySummary;

/**
 * The inbox's rows as its table reads them: every story of the view is here by id (8 bytes each), and a row is
 * fetched, a page at a time, when the table first asks for it; only the last {@link #KEPT} rows read are kept.
 * A row not fetched yet reads as null (the table shows an empty line for a moment). Rows arriving change no index,
 * so they raise no list change: {@link #arrivedProperty()} moves and the table redraws.
 */
final class PagedRows extends ObservableListBase<StorySummary> {
    static final int PAGE = 100;
    static final int KEPT = 3_000;

    private final int page;
    private final int keep;
    private final TaskRunner runner;
    private final Function<List<Long>, List<StorySummary>> fetch;
    private final Consumer<Throwable> onFailure;
    /** The rows read, oldest read first out (insertion order: reading a kept row changes nothing). */
    private final Map<Long, StorySummary> kept = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StorySummary> eldest) {
            return size() > keep;
        }
    };
    private final Set<Integer> asked = new HashSet<>();
    private final ReadOnlyLongWrapper arrived = new ReadOnlyLongWrapper(this, "arrived");
    private long[] ids = new long[0];
    private int size;
    private long era;

    /** @param fetch reads these stories' rows (off the FX thread) */
    PagedRows(TaskRunner runner, Function<List<Long>, List<StorySummary>> fetch, Consumer<Throwable> onFailure) {
        this(runner, fetch, onFailure, PAGE, KEPT);
    }

    /** With another page size and number of rows kept (tests use small ones). */
    PagedRows(TaskRunner runner, Function<List<Long>, List<StorySummary>> fetch, Consumer<Throwable> onFailure,
              int page, int keep) {
        this.page = page;
        this.keep = keep;
        this.runner = runner;
        this.fetch = fetch;
        this.onFailure = onFailure;
    }

    @Override
    public StorySummary get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        StorySummary row = kept.get(ids[index]);
        if (row == null) {
            ask(index / page);
            row = kept.get(ids[index]); // a direct runner has fetched it already
        }
        return row;
    }

    @Override
    public int size() {
        return size;
    }

    /** The row at this index if it is here, without fetching it. */
    StorySummary peek(int index) {
        return index < 0 || index >= size ? null : kept.get(ids[index]);
    }

    long idAt(int index) {
        return ids[index];
    }

    /** The index of this story, or -1: by id, so the table never reads every row to find one. */
    int indexOfId(long id) {
        for (int i = 0; i < size; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof StorySummary s ? indexOfId(s.id().value()) : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** The rows that are here now (for marks that depend on what is shown), without fetching any. */
    List<StorySummary> present() {
        return new ArrayList<>(kept.values());
    }

    /** Moves whenever rows arrive. */
    ReadOnlyLongProperty arrivedProperty() {
        return arrived.getReadOnlyProperty();
    }

    /** Rows read by another query (the first page), kept so the table needs no second trip for them. */
    void keep(List<StorySummary> rows) {
        rows.forEach(r -> kept.put(r.id().value(), r));
        arrived.set(arrived.get() + 1);
    }

    /** Every row kept is stale (a story changed): rows are fetched again as the table asks for them. */
    void forgetRows() {
        kept.clear();
        asked.clear();
        era++;
        arrived.set(arrived.get() + 1);
    }

    /** The list is these stories now, in this order. */
    void setAll(long[] newIds, int count) {
        List<StorySummary> removed = snapshot();
        ids = newIds;
        size = count;
        asked.clear();
        era++;
        beginChange();
        if (!removed.isEmpty()) {
            nextRemove(0, removed);
        }
        if (count > 0) {
            nextAdd(0, count);
        }
        endChange();
    }

    /** More stories at the end (the next chunk of a long inbox). */
    void append(long[] more, int count) {
        if (count == 0) {
            return;
        }
        if (size + count > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(size + count, ids.length + ids.length / 2));
        }
        System.arraycopy(more, 0, ids, size, count);
        int from = size;
        size += count;
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** A story at this index (one that arrived, or now belongs to the view). */
    void insert(int index, StorySummary row) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(16, ids.length + ids.length / 2));
        }
        System.arraycopy(ids, index, ids, index + 1, size - index);
        ids[index] = row.id().value();
        size++;
        kept.put(row.id().value(), row);
        asked.clear();
        beginChange();
        nextAdd(index, index + 1);
        endChange();
    }

    /** Takes this story out (it no longer belongs to the view). */
    void removeId(long id) {
        int index = indexOfId(id);
        if (index < 0) {
            return;
        }
        StorySummary was = kept.get(id);
        System.arraycopy(ids, index + 1, ids, index, size - index - 1);
        size--;
        asked.clear();
        beginChange();
        nextRemove(index, was);
        endChange();
    }

    /**
     * Replaces a kept row with its newer state (same story, same place). A row that did change is told to the table
     * as a replacement at its index, so only its cells are drawn again; the same state again tells nothing.
     */
    void update(StorySummary row) {
        StorySummary was = kept.put(row.id().value(), row);
        if (was == null || was.equals(row)) {
            return;
        }
        int index = indexOfId(row.id().value());
        if (index >= 0) {
            beginChange();
            nextSet(index, was);
            endChange();
        }
    }

    private void ask(int number) {
        if (!asked.add(number)) {
            return;
        }
        int from = number * page;
        int to = Math.min(size, from + page);
        List<Long> wanted = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (!kept.containsKey(ids[i])) {
                wanted.add(ids[i]);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        long mine = era;
        runner.run(() -> fetch.apply(wanted), rows -> {
            if (mine == era) {
                asked.remove(number); // asked again if its rows are dropped from those kept
                keep(rows);
            }
        }, e -> {
            asked.remove(number);
            onFailure.accept(e);
        });
    }

    /** What the list was, for a change event, read from the rows kept (never fetched). */
    private List<StorySummary> snapshot() {
        long[] was = ids;
        int n = size;
        Map<Long, StorySummary> rows = new java.util.HashMap<>(kept);
        return new AbstractList<>() {
            @Override
            public StorySummary get(int index) {
                return rows.get(was[index]);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
