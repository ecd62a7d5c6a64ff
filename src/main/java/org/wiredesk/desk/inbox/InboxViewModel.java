package org.wiredesk.desk.inbox;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.story.Action;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.User;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.workflow.DeskService;

/**
 * The inbox: the stories a desk works on, filtered by view and by what is typed, with the triage actions
 * (spike with undo, unspike, priority, read marks) and a watch for new stories.
 */
public final class InboxViewModel {
    public static final int LIMIT = 200_000;
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
    private final DeskService desk;
    private final IngestService ingest;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final StoreFollower follower;
    private final ObservableList<StorySummary> rows = FXCollections.observableArrayList();
    private List<StorySummary> loadedRows = List.of();
    private final TypedFilter typed = new TypedFilter();
    private final EventGroups groups = new EventGroups();
    /** Lower-case headline and source of each loaded row, in row order: what filtering scans. */
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.ACTIVE);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<InboxFilter> narrow = new SimpleObjectProperty<>(this, "narrow", InboxFilter.NONE);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final ObservableList<SavedView> savedViews = FXCollections.observableArrayList();
    private org.wiredesk.store.SettingsRepository settings;
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
    private List<StoryId> lastSpiked = List.of();
    private long generation;
    private long newest = -1;

    public InboxViewModel(StoryRepository stories, InboxRepository inbox, DeskService desk, IngestService ingest,
                          User user, TaskRunner runner, StoreChanges changes) {
        this.stories = stories;
        this.inbox = inbox;
        this.desk = desk;
        this.ingest = ingest;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        view.addListener((obs, old, now) -> reload());
        filter.addListener((obs, old, now) -> applyFilter());
        narrow.addListener((obs, old, now) -> {
            typed.forget();
            applyFilter();
        });
        grouped.addListener((obs, old, now) -> {
            groups.collapse();
            applyFilter();
        });
    }

    /** Starts following the store; call {@link #deactivate()} when the screen goes away. */
    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    private record Loaded(List<StorySummary> rows, long newest) {
    }

    private record Marks(Map<Status, Integer> counts, Set<Long> publishedClusters) {
    }

    /** Reloads rows and counts; a result older than the newest request is dropped. */
    public void reload() {
        long mine = ++generation;
        Set<Status> statuses = view.get().statuses();
        String reader = user == null ? "" : user.username();
        // rows first (the inbox opens); counts and the published marks follow
        runner.run(() -> new Loaded(inbox.inbox(statuses, LIMIT, reader), inbox.newestId()),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    announceUrgent(loaded);
                    loadedRows = loaded.rows();
                    typed.load(loadedRows);
                    groups.count(loadedRows);
                    sources.setAll(loadedRows.stream().map(StorySummary::sourceName).distinct().sorted().toList());
                    languages.setAll(loadedRows.stream().map(StorySummary::language).filter(l -> l != null
                            && !l.isBlank()).map(InboxFilter::primary).distinct().sorted().toList());
                    applyFilter();
                    newest = loaded.newest();
                }, this::fail);
        runner.run(() -> new Marks(stories.countByStatus(), inbox.publishedClusters()), marks -> {
            if (mine == generation) {
                counts.set(countsLine(marks.counts()));
                groups.publishedClusters(marks.publishedClusters());
                marksVersion.set(marksVersion.get() + 1);
            }
        }, this::fail);
    }

    /** Where saved views are kept (the desk's settings, shared by every workstation on the store). */
    public void setSettings(org.wiredesk.store.SettingsRepository settings) {
        this.settings = settings;
        runner.run(() -> SavedView.parseAll(settings.get(SavedView.SETTING).orElse("")), savedViews::setAll,
                this::fail);
    }

    /** Saves what the inbox shows now under a name (replacing a view of that name). */
    public void saveView(String name) {
        if (name == null || name.isBlank() || settings == null) {
            return;
        }
        SavedView v = new SavedView(name.strip(), view.get(), filter.get() == null ? "" : filter.get(), narrow.get());
        List<SavedView> all = new java.util.ArrayList<>(savedViews.stream()
                .filter(x -> !x.name().equals(v.name())).toList());
        all.add(v);
        String text = SavedView.format(all);
        runner.run(() -> {
            settings.put(SavedView.SETTING, text);
            return all;
        }, saved -> {
            savedViews.setAll(saved);
            say(false, "Saved the view “" + v.name() + "” for the desk");
        }, this::fail);
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
        java.util.Map<StoryId, StorySummary> byId = new java.util.HashMap<>();
        loadedRows.forEach(r -> byId.put(r.id(), r));
        runner.run(() -> {
            org.wiredesk.search.SearchIndex index = search.get();
            if (index == null) {
                throw new IllegalStateException("full-text search is not available here");
            }
            index.catchUp();
            return index.search(text, 500);
        }, hits -> {
            matches.clear();
            List<StorySummary> shown = new java.util.ArrayList<>();
            for (org.wiredesk.search.SearchHit h : hits) {
                StorySummary row = byId.get(h.id());
                if (row != null) {
                    shown.add(row);
                    matches.put(h.id(), h.snippet().isEmpty() ? h.headline() : h.snippet());
                }
            }
            typed.forget();
            rows.setAll(shown);
            say(false, shown.size() + " found for “" + text + "” in headlines and bodies"
                    + (hits.size() > shown.size() ? " (" + (hits.size() - shown.size()) + " more in other views)" : ""));
        }, this::fail);
    }

    /** Where each story of the last full-text search matched, with the words marked. */
    public javafx.collections.ObservableMap<StoryId, String> matches() {
        return matches;
    }

    /** Looks for stories newer than the last load (cheap); reloads when there are. */
    public void checkForNew() {
        runner.run(inbox::newestId, id -> {
            if (newest >= 0 && id > newest) {
                reload();
            }
        }, this::fail);
    }

    private void announceUrgent(Loaded loaded) {
        if (newest < 0) {
            return;
        }
        for (StorySummary s : loaded.rows()) {
            if (s.id().value() > newest && (s.priority() || urgent(s))) {
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

    /** Shows the loaded rows that match what is typed and the narrowing, folded by event when grouping is on. */
    private void applyFilter() {
        matches.clear();
        List<StorySummary> shown = typed.select(filter.get(), narrow.get(), Clock.systemUTC().instant());
        rows.setAll(grouped.get() ? groups.fold(shown) : shown);
    }

    /** Shows every report of this row's event, or folds it back (turning grouping on). */
    public void toggleGroup(StorySummary row) {
        if (row == null) {
            return;
        }
        grouped.set(true);
        groups.toggle(row);
        applyFilter();
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

    public boolean canSpike(StorySummary row) {
        return row != null && Action.SPIKE.allowedFrom(row.status()) && Action.SPIKE.allowedFor(user);
    }

    public boolean canUnspike(StorySummary row) {
        return row != null && Action.UNSPIKE.allowedFrom(row.status()) && Action.UNSPIKE.allowedFor(user);
    }

    public void spike(List<StorySummary> selected) {
        List<StorySummary> spikeable = selected.stream().filter(r -> Action.SPIKE.allowedFrom(r.status())).toList();
        act(spikeable, () -> {
            for (StorySummary row : spikeable) {
                desk.spike(user, row.id());
            }
            lastSpiked = spikeable.stream().map(StorySummary::id).toList();
            return "Spiked " + plural(spikeable.size()) + " (Ctrl+Z to undo)";
        });
    }

    /** Takes back the last spike. */
    public void undoSpike() {
        List<StoryId> ids = lastSpiked;
        if (ids.isEmpty()) {
            say(true, "Nothing to undo");
            return;
        }
        act(List.of(), () -> {
            for (StoryId id : ids) {
                desk.unspike(user, id);
            }
            lastSpiked = List.of();
            return "Restored " + plural(ids.size());
        });
    }

    public void unspike(List<StorySummary> selected) {
        act(selected, () -> {
            for (StorySummary row : selected) {
                desk.unspike(user, row.id());
            }
            return "Restored " + plural(selected.size());
        });
    }

    /** Flags the selection as priority, or unflags it when all of it is flagged already. */
    public void togglePriority(List<StorySummary> selected) {
        boolean flag = !selected.stream().allMatch(StorySummary::priority);
        act(selected, () -> {
            inbox.setPriority(ids(selected), flag);
            return (flag ? "Flagged " : "Unflagged ") + plural(selected.size());
        });
    }

    /** Marks the selection read, or unread when all of it is read already. */
    public void toggleRead(List<StorySummary> selected) {
        boolean read = !selected.stream().allMatch(StorySummary::read);
        act(selected, () -> {
            inbox.setRead(ids(selected), user.username(), read, Clock.systemUTC().instant());
            return "Marked " + plural(selected.size()) + (read ? " read" : " unread");
        });
    }

    /** A story was opened: it is read now. */
    public void opened(StorySummary row) {
        if (row != null && !row.read()) {
            act(List.of(row), () -> {
                inbox.setRead(List.of(row.id()), user.username(), true, Clock.systemUTC().instant());
                return "";
            });
        }
    }

    private void act(List<StorySummary> selected, Callable<String> work) {
        runner.run(work, done -> {
            if (!done.isEmpty()) {
                say(false, done);
            }
            changes.changed();
        }, this::fail);
    }

    /** Ingests a pasted address (a feed or an article page) and says what came of it. */
    public void ingestAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (!DocumentLoader.isWebAddress(a)) {
            say(true, "Paste an http(s) address of a feed or an article page");
            return;
        }
        runner.run(() -> ingest.ingest(List.of(a), user.username(), o -> { }), report -> {
            say(false, a + ": " + report.summary());
            changes.changed();
        }, this::fail);
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

    private static List<StoryId> ids(List<StorySummary> rows) {
        return rows.stream().map(StorySummary::id).toList();
    }

    private static String plural(int n) {
        return n + (n == 1 ? " story" : " stories");
    }

    static String countsLine(Map<Status, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
    }

    /** The rows shown: the view's stories that match the filter. */
    public ObservableList<StorySummary> rows() {
        return rows;
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
        return savedViews;
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
