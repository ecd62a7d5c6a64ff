package org.wiredesk.desk.sources;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.SourcePoller;
import org.wiredesk.story.Role;
import org.wiredesk.story.Source;
import org.wiredesk.story.SourceHealth;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.SourceRepository;
import org.wiredesk.story.CreditAddress;
import org.wiredesk.workflow.Credits;

/** The desk's sources with their health; add, change, remove, poll now; and the background poll. */
public final class SourcesViewModel {
    /** One row: a source and how it is doing. */
    public record Row(Source source, SourceHealth health) {
    }

    /**
     * One agency as its stories name it: the credit address in force (or none), and how many of its stories have
     * no web page of their own, so need it to be approved (ADR 19).
     */
    public record CreditRow(String agency, CreditAddress credit, int withoutWebPage) {
        /** What the row says when the agency needs an address and has none. */
        public boolean missing() {
            return credit == null && withoutWebPage > 0;
        }
    }

    /** What the two loads bring back together. */
    private record Loaded(List<Row> sources, List<CreditRow> credits) {
    }

    private final SourceRepository sources;
    private final Credits credits;
    private final ObservableList<CreditRow> creditRows = FXCollections.observableArrayList();
    private final SourcePoller poller;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Whether the last message says why something was not done. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper problem =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "problem", false);
    private final StoreFollower follower;
    private final javafx.beans.property.ReadOnlyBooleanWrapper polling =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "polling", false);
    private final LatestOnly latest;

    public SourcesViewModel(SourceRepository sources, Credits credits, SourcePoller poller, User user,
                            TaskRunner runner, StoreChanges changes, Clock clock) {
        this.sources = sources;
        this.credits = credits;
        this.poller = poller;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
        this.clock = clock;
    }

    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    /** Whether the screen is in front: behind another, it catches up with the store's changes when it shows. */
    public void showing(boolean now) {
        follower.showing(now);
    }

    public void reload() {
        latest.load(() -> {
            Map<Long, SourceHealth> health = sources.health(clock.instant().minus(Duration.ofHours(24)));
            return new Loaded(sources.all().stream().map(s -> new Row(s, health.get(s.id()))).toList(),
                    loadCreditRows());
        }, loaded -> {
            rows.setAll(loaded.sources());
            creditRows.setAll(loaded.credits());
        }, this::fail);
    }

    /**
     * Every agency with a credit address or with stories that have no web page of their own: those that need one
     * and have none first, then by name.
     */
    private List<CreditRow> loadCreditRows() {
        Map<String, CreditAddress> set = credits.allInForce();
        Map<String, Integer> without = credits.agenciesWithoutWebPages();
        Map<String, CreditRow> byKey = new java.util.TreeMap<>();
        set.values().forEach(c -> byKey.put(CreditAddress.keyOf(c.sourceName()), new CreditRow(c.sourceName(), c, 0)));
        without.forEach((agency, count) -> byKey.merge(CreditAddress.keyOf(agency), new CreditRow(agency, null, count),
                (had, more) -> new CreditRow(had.agency(), had.credit(), had.withoutWebPage() + count)));
        return byKey.values().stream().sorted(java.util.Comparator.comparing((CreditRow r) -> !r.missing())
                .thenComparing(r -> r.agency().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /** Whether this member may set credit addresses: an editor or a desk chief. */
    public boolean maySetCredits() {
        return Credits.maySet(user);
    }

    /** Sets the agency's credit address, as typed; stories approved before keep theirs. */
    public void setCredit(String agency, String address) {
        run(() -> {
            CreditAddress set = credits.set(user, agency, address);
            return "Credit address of " + set.sourceName() + ": " + set.address()
                    + " (for stories approved from now on)";
        });
    }

    /** The agencies and their credit addresses. */
    public ObservableList<CreditRow> creditRows() {
        return creditRows;
    }

    public boolean mayEdit() {
        return user.has(Role.EDITOR);
    }

    public void save(Source source) {
        run(() -> {
            requireEditor();
            sources.save(source);
            return "Saved " + source.name();
        });
    }

    public void delete(Source source) {
        run(() -> {
            requireEditor();
            sources.delete(source.id());
            return "Removed " + source.name() + " (its stories stay)";
        });
    }

    public void pollNow(Source source) {
        run(() -> {
            sources.pollNow(source.id());
            List<SourcePoller.PollResult> results = poller.pollDue(user.username());
            return results.isEmpty() ? "Nothing to poll" : results.get(results.size() - 1).line();
        });
    }

    /** The background poll: polls what is due, unless a poll is still running. */
    public void pollDue() {
        if (polling.get()) {
            return;
        }
        polling.set(true);
        runner.run(() -> poller.pollDue(user.username()), results -> {
            polling.set(false);
            if (!results.isEmpty()) {
                changes.changed();
            }
        }, e -> {
            polling.set(false);
            fail(e);
        });
    }

    private void requireEditor() {
        if (!mayEdit()) {
            throw new WorkflowException(user.displayName() + " may not change sources: that needs the editor role");
        }
    }

    private void run(java.util.concurrent.Callable<String> work) {
        runner.run(work, done -> {
            problem.set(false);
            message.set(done);
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        problem.set(true);
        message.set(Messages.of(e));
    }

    /** Whether a background poll is running, for the status bar. */
    public javafx.beans.property.ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
