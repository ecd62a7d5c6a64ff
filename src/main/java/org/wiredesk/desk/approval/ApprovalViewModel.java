package org.wiredesk.desk.approval;

import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.AgencyText;
import org.wiredesk.desk.common.EmbargoText;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.desk.common.ThreadViewModel;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Story;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.User;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.style.WidthMeasure;
import org.wiredesk.workflow.DeskService;

/**
 * The desk chief's queue: submitted stories, each approved or rejected with a reason. The chosen story's house
 * headline is checked against house style, so the chief sees what the copy editor was warned of; and before the
 * chief clicks, the screen says why the story cannot be approved (no web source URL, the chief's own work on a
 * four-eyes desk) or that approving it will be recorded as self-approved. A headline submitted over house style
 * comes with the copy editor's reason and the errors it overrode; one with errors and no reason says so. The story's
 * thread is shown beside its body, and the chief may reply on it.
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
    private final ReadOnlyObjectWrapper<ApprovalCheck> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyBooleanWrapper approvable = new ReadOnlyBooleanWrapper(this, "approvable", false);
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper(this, "blocked", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper embargo = new ReadOnlyStringWrapper(this, "embargo", "");
    private final ReadOnlyStringWrapper sourceLine = new ReadOnlyStringWrapper(this, "sourceLine", "");
    private final ReadOnlyStringWrapper withdrawn = new ReadOnlyStringWrapper(this, "withdrawn", "");
    private final ReadOnlyStringWrapper deskNotes = new ReadOnlyStringWrapper(this, "deskNotes", "");
    private final ReadOnlyObjectWrapper<Approval> earlierApproval = new ReadOnlyObjectWrapper<>(this,
            "earlierApproval");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ObservableList<StyleIssue> styleIssues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ThreadEntry> styleOverride = new ReadOnlyObjectWrapper<>(this,
            "styleOverride");
    private final ReadOnlyStringWrapper overrideMissing = new ReadOnlyStringWrapper(this, "overrideMissing", "");
    private final ObservableList<BlockLine> blockChanges = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper blockSummary = new ReadOnlyStringWrapper(this, "blockSummary", "");
    private final ReadOnlyStringWrapper blockWarning = new ReadOnlyStringWrapper(this, "blockWarning", "");
    private final org.wiredesk.workflow.BlockChoices blockChoices;
    private final ThreadViewModel thread;
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
        this.thread = new ThreadViewModel(desk, user, runner, changes);
        // read only here: the clock is for making a choice, which this screen never does
        this.blockChoices = new org.wiredesk.workflow.BlockChoices(stories, desk, java.time.Clock.systemUTC());
        selected.addListener((obs, old, now) -> loadDetail(now));
        check.addListener((obs, old, now) -> {
            // a story its agency withdrew is not approved (the service and the database refuse it too)
            approvable.set(now != null && now.approvable() && withdrawn.get().isEmpty());
            blocked.set(now == null ? "" : now.blocked());
            warning.set(now == null ? "" : now.warning());
        });
    }

    public void activate() {
        follower.start();
        thread.activate();
        reload();
    }

    public void deactivate() {
        follower.stop();
        thread.deactivate();
    }

    /** Whether the screen is in front: behind another, it catches up with the store's changes when it shows. */
    public void showing(boolean now) {
        follower.showing(now);
    }

    public void reload() {
        latestRows.load(() -> stories.summaries(Set.of(Status.SUBMITTED), 1000), rows::setAll, this::fail);
    }

    /** The chosen story as loaded: what it is, whether this member may approve it, its approval before, if any. */
    private record Loaded(StoryDetail detail, ApprovalCheck check, Approval earlier, StoryThread thread,
                          String embargo, AgencyMeta agency, String sourceLine,
                          BlocksRead blocks) {
    }

    /** The choice of blocks as read, or why it could not be read. */
    private record BlocksRead(org.wiredesk.workflow.BlockChoices.Change change, String unread) {
    }

    /**
     * One block a copy editor's choice changed against the body ingest made (ADR 32).
     *
     * @param dropped true when the body no longer holds it, false when it was added
     */
    public record BlockLine(boolean dropped, int index, String text) {
    }

    private void loadDetail(StorySummary row) {
        // until the check is back, nothing may be approved: the button never runs ahead of the reason
        check.set(null);
        if (row == null) {
            latestDetail.cancel();
            detail.set(null);
            earlierApproval.set(null);
            embargo.set("");
            sourceLine.set("");
            withdrawn.set("");
            deskNotes.set("");
            styleOverride.set(null);
            showBlocks(null, "");
            thread.show(null, null);
            checkStyle();
            return;
        }
        latestDetail.load(() -> {
            Story story = desk.story(row.id());
            return new Loaded(StoryDetail.of(story, desk.statusHistory(row.id())),
                    ApprovalCheck.of(user, desk.cannotApproveBecause(story), desk.fourEyes(user, row.id())),
                    desk.approval(row.id()).orElse(null), desk.thread(row.id()),
                    EmbargoText.of(story, desk.timing(row.id())), desk.agency(row.id()),
                    desk.credits().sourceLine(story).map(l -> l.describe()).orElse(story.sourceName()),
                    blocksOf(row.id()));
        }, loaded -> {
            showBlocks(loaded.blocks().change(), loaded.blocks().unread());
            sourceLine.set(loaded.sourceLine()); // before the detail: the screen reads it when the detail changes
            detail.set(loaded.detail());
            earlierApproval.set(loaded.earlier());
            embargo.set(loaded.embargo());
            withdrawn.set(AgencyText.withdrawn(loaded.agency()));
            deskNotes.set(AgencyText.notes(loaded.agency()));
            styleOverride.set(loaded.thread().styleOverride().orElse(null));
            thread.show(row.id(), loaded.thread());
            check.set(loaded.check());
            checkStyle();
        }, this::fail);
    }

    private BlocksRead blocksOf(org.wiredesk.story.StoryId id) {
        try {
            return new BlocksRead(blockChoices.change(id), "");
        } catch (RuntimeException e) {
            return new BlocksRead(null, "The blocks chosen for this body cannot be read against its original: "
                    + Messages.of(e));
        }
    }

    /** Which blocks the copy editor's choice dropped or added against ingest's body, for the chief to read first. */
    private void showBlocks(org.wiredesk.workflow.BlockChoices.Change change, String unread) {
        List<BlockLine> lines = new java.util.ArrayList<>();
        if (change != null) {
            change.dropped().forEach(b -> lines.add(new BlockLine(true, b.index(), b.text())));
            change.added().forEach(b -> lines.add(new BlockLine(false, b.index(), b.text())));
            lines.sort(java.util.Comparator.comparingInt(BlockLine::index));
        }
        blockChanges.setAll(lines);
        if (change == null || change.chosenBy() == null) {
            blockSummary.set("");
        } else {
            blockSummary.set("Body chosen from the source page's blocks by " + change.chosenBy() + ": "
                    + change.dropped().size() + " dropped, " + change.added().size() + " added against what ingest "
                    + "made" + (change.isEmpty() ? " (the same blocks)." : ":"));
        }
        if (!unread.isEmpty()) {
            blockWarning.set(unread);
        } else if (change != null && !change.notInOriginal().isEmpty()) {
            blockWarning.set(change.notInOriginal().size() + " paragraph" + (change.notInOriginal().size() == 1
                    ? " of the body does" : "s of the body do") + " not stand word for word in the archived original: «"
                    + change.notInOriginal().get(0) + "»");
        } else {
            blockWarning.set("");
        }
    }

    /** The blocks the chosen story's body dropped or added against what ingest made, in the original's order. */
    public ObservableList<BlockLine> blockChanges() {
        return blockChanges;
    }

    /** Who chose the body's blocks and how many were dropped and added; empty when the body is ingest's. */
    public ReadOnlyStringProperty blockSummaryProperty() {
        return blockSummary.getReadOnlyProperty();
    }

    /** A chosen body that does not stand in its original, or cannot be read against it; empty when all is well. */
    public ReadOnlyStringProperty blockWarningProperty() {
        return blockWarning.getReadOnlyProperty();
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
            overrideMissing.set("");
            return;
        }
        styleIssues.setAll(style.check(d.story().runningHeadline().text(), widthMeasure));
        boolean errors = styleIssues.stream().anyMatch(i -> i.severity() == StyleIssue.Severity.ERROR);
        // submitted around WireDesk's check, or before the rules changed: the chief is told, not left to guess
        overrideMissing.set(errors && styleOverride.get() == null ? "This headline breaks house style and was "
                + "submitted without a reason for overriding it: ask the copy editor, or reject it." : "");
    }

    /** The reason and the errors the chosen story was submitted over house style with; null when it was not. */
    public ReadOnlyObjectProperty<ThreadEntry> styleOverrideProperty() {
        return styleOverride.getReadOnlyProperty();
    }

    /** One sentence when the chosen headline has a style error that no override explains; else empty. */
    public ReadOnlyStringProperty overrideMissingProperty() {
        return overrideMissing.getReadOnlyProperty();
    }

    /** The chosen story's thread: what was said, and the chief's reply being typed. */
    public ThreadViewModel thread() {
        return thread;
    }

    /** The chosen story's house-style slips; empty when it meets house style or nothing is chosen. */
    public ObservableList<StyleIssue> styleIssues() {
        return styleIssues;
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
            problem.set(false);
            message.set(""); // the same sentence twice is said twice
            message.set(text);
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        problem.set(true);
        message.set("");
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

    /** Whether the message reports a refusal or a failure (rather than what was done). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What this member should know about approving the chosen story; null while nothing is chosen or loaded. */
    public ReadOnlyObjectProperty<ApprovalCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** Whether the chosen story, as loaded, can be approved by this member. */
    public ReadOnlyBooleanProperty approvableProperty() {
        return approvable.getReadOnlyProperty();
    }

    /** Why the chosen story cannot be approved by this member, in one sentence; empty when it can. */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    /** Why the chosen story cannot be approved because its agency withdrew it; empty when it did not. */
    public ReadOnlyStringProperty withdrawnProperty() {
        return withdrawn.getReadOnlyProperty();
    }

    /** The agency's notes to the desk on the chosen story, marked when not for publication; or empty. */
    public ReadOnlyStringProperty deskNotesProperty() {
        return deskNotes.getReadOnlyProperty();
    }

    /**
     * The source and the address the chosen story's page will print under it (its own web page, or its agency's
     * credit address, said so); the source alone while it has neither.
     */
    public ReadOnlyStringProperty sourceLineProperty() {
        return sourceLine.getReadOnlyProperty();
    }

    /** The embargo the chosen story is under, in one sentence; empty when none holds. */
    public ReadOnlyStringProperty embargoProperty() {
        return embargo.getReadOnlyProperty();
    }

    /** What approving the chosen story will record that the chief should know first (self-approval); or empty. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The chosen story's latest approval before this submission (it was held and sent back), or null. */
    public ReadOnlyObjectProperty<Approval> earlierApprovalProperty() {
        return earlierApproval.getReadOnlyProperty();
    }

    List<StorySummary> snapshot() {
        return List.copyOf(rows);
    }
}
