package org.wiredesk.desk.inbox;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
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
import org.wiredesk.store.StoryRepository;
import org.wiredesk.workflow.DeskService;

/** The inbox: the stories a desk works on, filtered by view, with spike and unspike. */
public final class InboxViewModel {
    public static final int LIMIT = 200_000;

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
    private final DeskService desk;
    private final IngestService ingest;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final ObservableList<StorySummary> rows = FXCollections.observableArrayList();
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.ACTIVE);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StoreFollower follower;
    private long generation;

    public InboxViewModel(StoryRepository stories, DeskService desk, IngestService ingest, User user,
                          TaskRunner runner, StoreChanges changes) {
        this.stories = stories;
        this.desk = desk;
        this.ingest = ingest;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        view.addListener((obs, old, now) -> reload());
    }

    /** Starts following the store; call {@link #deactivate()} when the screen goes away. */
    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    private record Loaded(List<StorySummary> rows, Map<Status, Integer> counts) {
    }

    /** Reloads rows and counts; a result older than the newest request is dropped. */
    public void reload() {
        long mine = ++generation;
        Set<Status> statuses = view.get().statuses();
        runner.run(() -> new Loaded(stories.summaries(statuses, LIMIT), stories.countByStatus()), loaded -> {
            if (mine == generation) {
                rows.setAll(loaded.rows());
                counts.set(countsLine(loaded.counts()));
            }
        }, this::fail);
    }

    public boolean canSpike(StorySummary row) {
        return row != null && Action.SPIKE.allowedFrom(row.status()) && Action.SPIKE.allowedFor(user);
    }

    public boolean canUnspike(StorySummary row) {
        return row != null && Action.UNSPIKE.allowedFrom(row.status()) && Action.UNSPIKE.allowedFor(user);
    }

    public void spike(List<StorySummary> selected) {
        act(selected, row -> desk.spike(user, row.id()), "Spiked");
    }

    public void unspike(List<StorySummary> selected) {
        act(selected, row -> desk.unspike(user, row.id()), "Restored");
    }

    private void act(List<StorySummary> selected, Consumer<StorySummary> action, String done) {
        List<StoryId> ids = selected.stream().map(StorySummary::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        List<StorySummary> copy = List.copyOf(selected);
        runner.run(() -> {
            copy.forEach(action);
            return copy.size();
        }, n -> {
            message.set(done + " " + n + (n == 1 ? " story" : " stories"));
            changes.changed();
        }, this::fail);
    }

    /** Ingests a pasted address (a feed or an article page) and says what came of it. */
    public void ingestAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (!DocumentLoader.isWebAddress(a)) {
            message.set("Paste an http(s) address of a feed or an article page");
            return;
        }
        runner.run(() -> ingest.ingest(List.of(a), user.username(), o -> { }), report -> {
            message.set(a + ": " + report.summary());
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        message.set(Messages.of(e));
    }

    static String countsLine(Map<Status, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase())
                .collect(Collectors.joining(" · "));
    }

    public ObservableList<StorySummary> rows() {
        return rows;
    }

    public ObjectProperty<View> viewProperty() {
        return view;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
