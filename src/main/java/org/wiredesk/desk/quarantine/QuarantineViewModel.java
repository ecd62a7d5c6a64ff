package org.wiredesk.desk.quarantine;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.story.QuarantineEntry;
import org.wiredesk.story.User;
import org.wiredesk.store.QuarantineRepository;

/** What could not be ingested, with its reason, and a retry. */
public final class QuarantineViewModel {
    private final QuarantineRepository quarantine;
    private final IngestService ingest;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final ObservableList<QuarantineEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper problem =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "problem", false);

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
    private final StoreFollower follower;
    private final LatestOnly latest;

    public QuarantineViewModel(QuarantineRepository quarantine, IngestService ingest, User user, TaskRunner runner,
                               StoreChanges changes) {
        this.quarantine = quarantine;
        this.ingest = ingest;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
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
        latest.load(quarantine::open, rows::setAll, e -> say(true, Messages.of(e)));
    }

    public void retry(QuarantineEntry entry) {
        if (entry == null) {
            return;
        }
        runner.run(() -> ingest.retry(entry, user.username()), outcome -> {
            say(false, "Retried " + entry.origin() + ": " + outcome.line().substring(outcome.line().indexOf("]: ") + 3));
            changes.changed();
        }, e -> say(true, Messages.of(e)));
    }

    public ObservableList<QuarantineEntry> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
