package org.wiredesk.desk.approval;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.Action;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.User;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.style.WidthMeasure;
import org.wiredesk.workflow.DeskService;

/**
 * The desk chief's queue: submitted stories, each approved or rejected with a reason. The chosen story's house
 * headline is checked against house style, so the chief sees what the copy editor was warned of.
 */
public final class ApprovalViewModel {
    private final StoryRepository stories;
    private final DeskService desk;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final ObservableList<StorySummary> rows = FXCollections.observableArrayList();
    private final ObjectProperty<StorySummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<StoryDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<StyleIssue> styleIssues = FXCollections.observableArrayList();
    private final HouseStyle style;
    private WidthMeasure widthMeasure;
    private final StoreFollower follower;
    private final LatestOnly latestRows;
    private final LatestOnly latestDetail;

    public ApprovalViewModel(StoryRepository stories, DeskService desk, User user, TaskRunner runner,
                             StoreChanges changes, HouseStyle style) {
        this.stories = stories;
        this.style = style;
        this.desk = desk;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latestRows = new LatestOnly(runner);
        this.latestDetail = new LatestOnly(runner);
        selected.addListener((obs, old, now) -> loadDetail(now));
    }

    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    public void reload() {
        latestRows.load(() -> stories.summaries(Set.of(Status.SUBMITTED), 1000), rows::setAll, this::fail);
    }

    private void loadDetail(StorySummary row) {
        if (row == null) {
            latestDetail.cancel();
            detail.set(null);
            styleIssues.clear();
            return;
        }
        latestDetail.load(() -> StoryDetail.of(desk.story(row.id()), desk.statusHistory(row.id())), loaded -> {
            detail.set(loaded);
            checkStyle();
        }, this::fail);
    }

    /** The screen's width meter for the pixel-width rule (none without a screen). */
    public void setStyleMeasure(WidthMeasure measure) {
        this.widthMeasure = measure;
        checkStyle();
    }

    private void checkStyle() {
        StoryDetail d = detail.get();
        if (d == null) {
            styleIssues.clear();
            return;
        }
        styleIssues.setAll(style.check(d.story().runningHeadline().text(), widthMeasure));
    }

    /** The chosen story's house-style slips; empty when it meets house style or nothing is chosen. */
    public ObservableList<StyleIssue> styleIssues() {
        return styleIssues;
    }

    public boolean mayDecide() {
        return Action.APPROVE.allowedFor(user);
    }

    public void approve() {
        StorySummary row = selected.get();
        if (row != null) {
            decide(() -> desk.approve(user, row.id()), "Approved: " + row.runningHeadline());
        }
    }

    public void reject(String reason) {
        StorySummary row = selected.get();
        if (row != null) {
            decide(() -> desk.reject(user, row.id(), reason), "Rejected: " + row.runningHeadline());
        }
    }

    private void decide(Runnable action, String done) {
        runner.run(() -> {
            action.run();
            return done;
        }, text -> {
            message.set(text);
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        message.set(Messages.of(e));
    }

    public ObservableList<StorySummary> rows() {
        return rows;
    }

    public ObjectProperty<StorySummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<StoryDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    List<StorySummary> snapshot() {
        return List.copyOf(rows);
    }
}
