package org.wiredesk.desk.inbox;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.User;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.workflow.DeskService;

/**
 * The inbox: the stories a desk works on, filtered by view and by what is typed, grouped by event or searched,
 * followed as the store changes and watched for new urgent stories; its triage actions are {@link InboxActions}.
 */
public final class InboxViewModel {
    private static final Pattern URGENT = Pattern.compile("(?i)^(urgent|breaking|flash|alert)\\b");

    /** Which stories the inbox shows. */
    public enum View {
        ACTIVE("Inbox", EnumSet.of(Status.NEW, Status.EDITING, Status.REJECTED, Status.SUBMITTED, Status.APPROVED)),
        PUBLISHED("Published", EnumSet.of(Status.PUBLISHED, Status.KILLED)),
        SPIKED("Spiked", EnumSet.of(Status.SPIKED)),
        ALL("All", EnumSet.noneOf(Status.class));

        private final String label;
        private final Set<Status> statuses;

        View(String label, Set<Status> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        public Set<Status> statuses() {
            return statuses;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final StoryRepository stories;
    private final InboxRepository inbox;
    private java.util.function.Supplier<org.wiredesk.search.SearchIndex> search = () -> null;
    private final javafx.collections.ObservableMap<StoryId, String> matches =
            FXCollections.observableHashMap();
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final StoreFollower follower;
    private final PagedRows rows;
    private final InboxLoader loader;
    private final EventGroups groups = new EventGroups();
    private final InboxActions actions;
    private final ObjectProperty<InboxLoader.Order> order =
            new SimpleObjectProperty<>(this, "order", InboxLoader.Order.NEWEST_FIRST);
    /** Whether the list shows a full-text search's results rather than the view. */
    private boolean searched;
    private long lastChange = -1;
    private long marksGeneration;
    /** Words typed reach the store once typing pauses: each is a query over the whole view. */
    private org.wiredesk.desk.common.Debouncer typing = org.wiredesk.desk.common.Debouncer.IMMEDIATE;
    /** Counts what was typed: a search (Enter) drops the filtering still waiting for typing to pause. */
    private long typed;
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.ACTIVE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<InboxFilter> narrow = new SimpleObjectProperty<>(this, "narrow", InboxFilter.NONE);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final SavedViews savedViews;
    private final javafx.beans.property.BooleanProperty grouped =
            new javafx.beans.property.SimpleBooleanProperty(this, "grouped", false);
    /** The group shown whole (expanded), or 0. */
    private final javafx.beans.property.ReadOnlyLongWrapper marksVersion =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "marksVersion");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper problem =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyObjectWrapper<StorySummary> urgent = new ReadOnlyObjectWrapper<>(this, "urgent");
    private long generation;
    private long newest = -1;
    /** The newest story whose arrival was announced while the inbox was hidden (its rows not yet read). */
    private long announced = -1;
    private boolean showing = true;
    private long glances;
    /** Changes came while the inbox was hidden: it refreshes when it shows. */
    private boolean behind;

    public InboxViewModel(StoryRepository stories, InboxRepository inbox, DeskService desk, IngestService ingest,
                          User user, TaskRunner runner, StoreChanges changes) {
        this.stories = stories;
        this.inbox = inbox;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.rows = new PagedRows(runner, this::fetchRows, this::fail);
        this.loader = new InboxLoader(inbox, runner, rows, this::fail, this::countReports);
        this.follower = new StoreFollower(changes, this::refresh);
        this.savedViews = new SavedViews(runner, this::fail);
        this.actions = new InboxActions(inbox, desk, ingest, user, runner, changes, this::say);
        view.addListener((obs, old, now) -> reload());
        filter.addListener((obs, old, now) -> {
            long mine = ++typed;
            typing.run(() -> {
                if (mine == typed) {
                    reloadRows();
                }
            });
        });
        narrow.addListener((obs, old, now) -> reloadRows());
        order.addListener((obs, old, now) -> reloadRows());
        grouped.addListener((obs, old, now) -> {
            groups.collapse();
            reloadRows();
        });
    }

    /** Rows the table asks for, read off the FX thread with their events' report counts. */
    private List<StorySummary> fetchRows(List<Long> ids) {
        List<StorySummary> read = inbox.rows(ids, reader());
        countReports(read);
        return read;
    }

    /** How many reports the events of these rows have in this view (off the FX thread). */
    private void countReports(List<StorySummary> read) {
        java.util.Set<Long> clusters = new java.util.HashSet<>();
        read.stream().filter(r -> r.clusterId() != 0).forEach(r -> clusters.add(r.clusterId()));
        if (!clusters.isEmpty()) {
            groups.sizes(inbox.clusterSizes(clusters, view.get().statuses()));
        }
    }

    private String reader() {
        return user == null ? "" : user.username();
    }

    /** What the store is asked for: the view's statuses, the words typed and the narrowing. */
    private org.wiredesk.store.InboxQuery query() {
        InboxFilter n = narrow.get();
        long since = n.window().span() == null ? 0
                : Clock.systemUTC().instant().minus(n.window().span()).toEpochMilli();
        return new org.wiredesk.store.InboxQuery(view.get().statuses(), reader(), filter.get(), n.source(),
                n.priorityOnly(), since, n.language());
    }

    /** Starts following the store; call {@link #deactivate()} when the screen goes away. */
    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    /**
     * Whether the inbox is in front. Behind another screen (an editor being typed in), a change in the store does not
     * touch its rows, whose layout would hold up the screen in front: it glances at the store for the status bar's
     * counts and for urgent arrivals only, and catches up with the rows when it shows again.
     */
    public void showing(boolean now) {
        showing = now;
        if (now && behind) {
            behind = false;
            refresh();
        }
    }

    private record Marks(Map<Status, Integer> counts, Set<Long> publishedClusters, List<String> sources,
                         List<String> languages) {
    }

    /**
     * Loads the view again from the top: its first page of rows at once, the rest of its keys as they come, then
     * counts, published marks and the narrowing's choices. A load older than the newest request is dropped.
     */
    public void reload() {
        reloadRows();
        reloadMarks(true);
    }

    /** The rows only (the words, narrowing, order or grouping changed: counts and choices did not). */
    private void reloadRows() {
        long mine = ++generation;
        searched = false;
        matches.clear();
        loader.load(new InboxLoader.Plan(query(), order.get(), grouped.get(), groups.expanded()), top -> {
            if (mine != generation || top == null) {
                return;
            }
            announceUrgent(top.page(), Math.max(newest, announced));
            newest = Math.max(newest, top.newestId());
            lastChange = top.lastChange();
        });
    }

    /**
     * Counts by status and the published marks, and with {@code choices} the view's sources and languages (two
     * scans of the view: at 1,000,000 stories they take seconds, so only a new view or a reload asks for them).
     */
    private void reloadMarks(boolean choices) {
        long mine = ++marksGeneration;
        Set<Status> statuses = view.get().statuses();
        runner.run(() -> new Marks(stories.countByStatus(), inbox.publishedClusters(),
                choices ? inbox.distinct(false, statuses).stream().sorted().toList() : null,
                choices ? inbox.distinct(true, statuses).stream().map(InboxFilter::primary).distinct().sorted()
                        .toList() : null),
                marks -> {
                    if (mine == marksGeneration) {
                        counts.set(countsLine(marks.counts()));
                        groups.publishedClusters(marks.publishedClusters());
                        if (marks.sources() != null) {
                            keepChoice(sources, marks.sources());
                            keepChoice(languages, marks.languages());
                        }
                        marksVersion.set(marksVersion.get() + 1);
                    }
                }, this::fail);
    }

    private static void keepChoice(ObservableList<String> list, List<String> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    private record Update(Set<Long> changed, long lastChange, long newestId, List<StorySummary> top,
                          List<StorySummary> fresh, Map<Status, Integer> counts, Set<Long> publishedClusters) {
    }

    /**
     * Follows a change in the store without loading the view again: stories that arrived go on top, stories whose
     * status took them out of the view leave it, and the rows on screen are read again (marks, claims, statuses).
     * Where that cannot be done in place (another order, grouping, a story coming back into the view), it reloads.
     */
    public void refresh() {
        if (!showing) {
            behind = true;
            glance();
            return;
        }
        // also while the keys are still coming in: at 1,000,000 stories a reload on every arrival would never end
        if (!grouped.get() && order.get() == InboxLoader.Order.NEWEST_FIRST && !searched && lastChange >= 0) {
            long mine = generation;
            long since = lastChange;
            org.wiredesk.store.InboxQuery q = query();
            List<Long> shown = rows.present().stream().map(r -> r.id().value()).toList();
            runner.run(() -> {
                long newestId = inbox.newestId();
                long change = inbox.lastStatusChange();
                Set<Long> changed = inbox.changedSince(since);
                List<StorySummary> top = inbox.page(q, null, InboxLoader.FIRST);
                java.util.Set<Long> again = new java.util.LinkedHashSet<>(shown);
                again.addAll(changed);
                List<StorySummary> fresh = new java.util.ArrayList<>();
                List<Long> all = List.copyOf(again);
                for (int i = 0; i < all.size(); i += 500) {
                    fresh.addAll(fetchRows(all.subList(i, Math.min(all.size(), i + 500))));
                }
                return new Update(changed, change, newestId, top, fresh, stories.countByStatus(),
                        inbox.publishedClusters());
            }, update -> {
                if (mine == generation && !apply(update)) {
                    reload();
                }
            }, this::fail);
            return;
        }
        reload();
    }

    private record Glance(Map<Status, Integer> counts, List<StorySummary> top, long newestId) {
    }

    /** While the inbox is hidden: the counts in the status bar, and the notice of an urgent story that arrived. */
    private void glance() {
        if (newest < 0) {
            return; // not loaded yet: its first load counts and announces
        }
        // its own count: a glance must not drop a load of the marks under way (the narrowing's sources, languages)
        long mine = ++glances;
        org.wiredesk.store.InboxQuery q = query();
        runner.run(() -> new Glance(stories.countByStatus(), inbox.page(q, null, InboxLoader.FIRST), inbox.newestId()),
                g -> {
                    if (mine == glances) {
                        counts.set(countsLine(g.counts()));
                    }
                    announceUrgent(g.top(), Math.max(newest, announced));
                    announced = Math.max(announced, g.newestId());
                }, this::fail);
    }

    /** Applies a refresh in place; false when only a reload can show it. */
    private boolean apply(Update u) {
        List<StorySummary> arrived = new java.util.ArrayList<>();
        for (StorySummary r : u.top()) {
            if (r.id().value() > newest && rows.indexOfId(r.id().value()) < 0) {
                arrived.add(r);
            }
        }
        if (!arrived.isEmpty() && arrived.size() == u.top().size()) {
            return false; // more arrived than one page: the top is read again
        }
        for (int i = 0; i < arrived.size(); i++) {
            rows.insert(i, arrived.get(i));
        }
        Set<Status> statuses = view.get().statuses();
        boolean left = false;
        for (StorySummary r : u.fresh()) {
            boolean belongs = statuses.isEmpty() || statuses.contains(r.status());
            boolean listed = rows.indexOfId(r.id().value()) >= 0;
            if (listed && !belongs) {
                left = true;
                rows.removeId(r.id().value());
            } else if (!listed && belongs && u.changed().contains(r.id().value())
                    && loader.passed(r.received().toEpochMilli(), r.id().value())) {
                return false; // back in the view (unspiked): its place is the store's to say
            } else {
                rows.update(r);
            }
        }
        announceUrgent(arrived, Math.max(newest, announced));
        counts.set(countsLine(u.counts()));
        // the table draws again only what changed: rows that did (above); every row when the marks or the events'
        // report counts may have (a story arrived or left the view, a report of an event ran)
        if (groups.publishedClusters(u.publishedClusters()) | left || !arrived.isEmpty()) {
            marksVersion.set(marksVersion.get() + 1);
        }
        newest = Math.max(newest, u.newestId());
        lastChange = u.lastChange();
        return true;
    }

    /** How long typing must pause before the words are asked of the store (immediately unless set). */
    public void setTypingDebouncer(org.wiredesk.desk.common.Debouncer debouncer) {
        this.typing = debouncer;
    }

    /** Where saved views are kept (the desk's settings, shared by every workstation on the store). */
    public void setSettings(org.wiredesk.store.SettingsRepository settings) {
        savedViews.keepIn(settings);
    }

    /** Saves what the inbox shows now under a name (replacing a view of that name). */
    public void saveView(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        SavedView v = new SavedView(name.strip(), view.get(), filter.get() == null ? "" : filter.get(), narrow.get());
        savedViews.save(v, () -> say(false, "Saved the view “" + v.name() + "” for the desk"));
    }

    public void apply(SavedView v) {
        if (v == null) {
            return;
        }
        narrow.set(v.filter());
        filter.set(v.text());
        view.set(v.view());
    }

    /** Where full-text searches go (opened lazily: the first search may build the index). */
    public void setSearch(java.util.function.Supplier<org.wiredesk.search.SearchIndex> search) {
        this.search = search;
    }

    /**
     * Searches headlines and bodies for what is typed (Enter in the search field): the matching stories of this view,
     * best first, each with where it matched.
     */
    public void searchFullText() {
        String text = filter.get() == null ? "" : filter.get().strip();
        if (text.isEmpty()) {
            return;
        }
        Set<Status> statuses = view.get().statuses();
        long mine = ++generation;
        typed++;
        runner.run(() -> {
            org.wiredesk.search.SearchIndex index = search.get();
            if (index == null) {
                throw new IllegalStateException("full-text search is not available here");
            }
            index.catchUp();
            List<org.wiredesk.search.SearchHit> found = index.search(text, 500);
            java.util.Map<Long, StorySummary> byId = new java.util.HashMap<>();
            fetchRows(found.stream().map(h -> h.id().value()).toList()).forEach(r -> byId.put(r.id().value(), r));
            return new Found(found, byId);
        }, found -> {
            if (mine != generation) {
                return;
            }
            List<org.wiredesk.search.SearchHit> hits = found.hits();
            loader.cancel();
            searched = true;
            matches.clear();
            List<StorySummary> shown = new java.util.ArrayList<>();
            for (org.wiredesk.search.SearchHit h : hits) {
                StorySummary row = found.rows().get(h.id().value());
                if (row != null && (statuses.isEmpty() || statuses.contains(row.status()))) {
                    shown.add(row);
                    matches.put(h.id(), h.snippet().isEmpty() ? h.headline() : h.snippet());
                }
            }
            rows.keep(shown);
            rows.setAll(shown.stream().mapToLong(r -> r.id().value()).toArray(), shown.size());
            say(false, shown.size() + " found for “" + text + "” in headlines and bodies"
                    + (hits.size() > shown.size() ? " (" + (hits.size() - shown.size()) + " more in other views)" : ""));
        }, this::fail);
    }

    private record Found(List<org.wiredesk.search.SearchHit> hits, Map<Long, StorySummary> rows) {
    }

    /** Where each story of the last full-text search matched, with the words marked. */
    public javafx.collections.ObservableMap<StoryId, String> matches() {
        return matches;
    }

    /** Looks for stories newer than the last load (cheap); reloads when there are. */
    public void checkForNew() {
        runner.run(inbox::newestId, id -> {
            if (newest >= 0 && id > (showing ? newest : Math.max(newest, announced))) {
                refresh();
            }
        }, this::fail);
    }

    /** Raises the first urgent story among these that arrived after {@code seen} (nothing on the first load). */
    private void announceUrgent(List<StorySummary> arrived, long seen) {
        if (newest < 0) {
            return;
        }
        for (StorySummary s : arrived) {
            if (s.id().value() > seen && (s.priority() || urgent(s))) {
                urgent.set(s);
                return;
            }
        }
    }

    /**
     * Whether a story is urgent: the agency says so (urgency 1 or 2), or its headline starts the way an urgent one
     * does ("Urgent:", "Breaking", "Flash", "Alert"). The "!" column marks it, and its arrival raises a notification.
     */
    public static boolean urgent(StorySummary s) {
        return (s.urgency() != null && s.urgency() <= 2) || URGENT.matcher(s.agencyHeadline().text()).find();
    }

    /** Shows every report of this row's event, or folds it back (turning grouping on). */
    public void toggleGroup(StorySummary row) {
        if (row == null) {
            return;
        }
        grouped.set(true); // folds every group (and reloads) when it was off
        groups.toggle(row);
        reloadRows();
    }

    /** "3 reports", with "one published" when the desk already ran one of them; empty for a story alone. */
    public String groupMark(StorySummary row) {
        return groups.mark(row);
    }

    /** Moves when counts and published marks arrive after the rows: the table redraws its marks then. */
    public javafx.beans.property.ReadOnlyLongProperty marksVersionProperty() {
        return marksVersion.getReadOnlyProperty();
    }

    public javafx.beans.property.BooleanProperty groupedProperty() {
        return grouped;
    }

    /** The triage actions on the selection (spike with undo, unspike, priority, read marks, an address to ingest). */
    public InboxActions actions() {
        return actions;
    }

    private void fail(Throwable e) {
        say(true, Messages.of(e));
    }

    /** Says what was done, or (a problem) why not; the same sentence twice is said twice. */
    private void say(boolean isProblem, String text) {
        problem.set(isProblem);
        message.set("");
        message.set(text);
    }

    /** Whether the message is a refusal or a failure rather than what was done. */
    public javafx.beans.property.ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    static String countsLine(Map<Status, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
    }

    /**
     * The rows shown: the view's stories that match the filter, every one of them by id; a row is read from the
     * store when first asked for (null until it arrives when the runner works in the background).
     */
    public ObservableList<StorySummary> rows() {
        return rows;
    }

    /** The rows read and kept now, without reading any (for marks that depend on what is on screen). */
    List<StorySummary> presentRows() {
        return rows.present();
    }

    /** Moves when rows arrive from the store: the table redraws. */
    javafx.beans.property.ReadOnlyLongProperty arrivedProperty() {
        return rows.arrivedProperty();
    }

    /** The story at this row (known even before its row is read), or null. */
    public StoryId idAt(int index) {
        return index < 0 || index >= rows.size() ? null : new StoryId(rows.idAt(index));
    }

    /** Whether every story of the view is in the list yet (its last rows can be scrolled to). */
    public boolean complete() {
        return loader.complete();
    }

    /** How the list is ordered (by received time or the source's time, either way). */
    ObjectProperty<InboxLoader.Order> orderProperty() {
        return order;
    }

    public ObjectProperty<View> viewProperty() {
        return view;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The narrowing besides the words typed: source, priority, time window, language. */
    public ObjectProperty<InboxFilter> narrowProperty() {
        return narrow;
    }

    /** The sources and languages of the loaded stories, for the narrowing choices. */
    public ObservableList<String> sources() {
        return sources;
    }

    public ObservableList<String> languages() {
        return languages;
    }

    public ObservableList<SavedView> savedViews() {
        return savedViews.list();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The latest urgent story to arrive (for a notification). */
    public ReadOnlyObjectProperty<StorySummary> urgentProperty() {
        return urgent.getReadOnlyProperty();
    }
}
