package org.wiredesk.desk.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.AgencyText;
import org.wiredesk.desk.common.Debouncer;
import org.wiredesk.desk.common.EmbargoText;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.desk.common.ThreadViewModel;
import org.wiredesk.story.Action;
import org.wiredesk.story.AgencyMeta;
import org.wiredesk.story.Claim;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.style.WidthMeasure;
import org.wiredesk.style.WordDiff;
import org.wiredesk.workflow.DeskService;

/**
 * The side-by-side headline editor for one story. The house headline is the only thing it can change; the agency
 * headline and the body are read-only, as loaded from the store. It claims the story, checks house style as the
 * copy editor types, keeps what is typed within 150 ms of each change, and offers it back after a crash with the
 * time it was kept. A headline with a style
 * error is submitted only with a reason for the override. The story's thread is shown with it, a rejected story with
 * the reason it was sent back in view.
 */
public final class EditorViewModel {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final StoryId id;
    private final DeskService desk;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final HouseStyle style;
    private final Debouncer autosaver;
    private WidthMeasure widthMeasure;

    private final ReadOnlyObjectWrapper<StoryDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper agencyHeadline = new ReadOnlyStringWrapper(this, "agencyHeadline", "");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body", "");
    private final StringProperty houseHeadline = new SimpleStringProperty(this, "houseHeadline", "");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper(this, "saved", "");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", false);
    private final ReadOnlyObjectWrapper<Claim> claim = new ReadOnlyObjectWrapper<>(this, "claim");
    private final ReadOnlyBooleanWrapper canTakeOver = new ReadOnlyBooleanWrapper(this, "canTakeOver", false);
    private final ReadOnlyStringWrapper cannotApprove = new ReadOnlyStringWrapper(this, "cannotApprove", "");
    private final ReadOnlyStringWrapper embargo = new ReadOnlyStringWrapper(this, "embargo", "");
    private final ReadOnlyStringWrapper withdrawn = new ReadOnlyStringWrapper(this, "withdrawn", "");
    private final ReadOnlyStringWrapper deskNotes = new ReadOnlyStringWrapper(this, "deskNotes", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper(this, "readOnly", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyStringWrapper lastAutosave = new ReadOnlyStringWrapper(this, "lastAutosave", "");
    private final ObservableList<StyleIssue> issues = FXCollections.observableArrayList();
    private final ObservableList<WordDiff.Piece> diff = FXCollections.observableArrayList();
    private final ObservableList<HeadlineDraft> revisions = FXCollections.observableArrayList();
    private final ObservableList<String> candidates = FXCollections.observableArrayList();
    private final StringProperty styleOverride = new SimpleStringProperty(this, "styleOverride", "");
    private final ReadOnlyObjectWrapper<ThreadEntry> rejection = new ReadOnlyObjectWrapper<>(this, "rejection");
    private final BooleanBinding styleErrors = Bindings.createBooleanBinding(() -> issues.stream()
            .anyMatch(i -> i.severity() == StyleIssue.Severity.ERROR), issues);
    private final ThreadViewModel thread;
    private final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> !houseHeadline.get().strip().equals(saved.get()), houseHeadline, saved);
    private final IntegerBinding length = Bindings.createIntegerBinding(
            () -> HouseStyle.length(houseHeadline.get()), houseHeadline);
    private boolean loading;
    /** A keep of the headline is on its way to the store; another change waits for it (writes never cross). */
    private boolean keeping;
    private boolean keepAgain;
    private java.time.Instant lastKept;
    private final ReadOnlyObjectWrapper<RecoveredDraft> recovered = new ReadOnlyObjectWrapper<>(this, "recovered");
    private final org.wiredesk.desk.common.StoreFollower follower;
    /** Loads and refreshes overlap (a save reloads, and so does the change it makes): the newest one is shown. */
    private final org.wiredesk.desk.common.LatestOnly latest;
    private boolean loaded;

    public EditorViewModel(StoryId id, DeskService desk, User user, TaskRunner runner, StoreChanges changes,
                           HouseStyle style, Debouncer autosaver) {
        this.id = id;
        this.desk = desk;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.style = style;
        this.autosaver = autosaver;
        this.thread = new ThreadViewModel(desk, user, runner, changes);
        thread.activate(); // others' replies reach the open editor until it closes
        // a reject, an approval, a publish or a claim made on another screen or workstation reaches the open tab
        this.follower = new org.wiredesk.desk.common.StoreFollower(changes, this::refresh);
        follower.start();
        this.latest = new org.wiredesk.desk.common.LatestOnly(runner);
        houseHeadline.addListener((obs, old, now) -> {
            recheck();
            if (!loading && editable.get()) {
                RecoveredDraft draft = recovered.get();
                if (draft != null && !draft.olderThanRevision()) {
                    recovered.set(null); // typing on in the recovered draft takes it up
                }
                autosaver.run(this::autosave);
            }
        });
    }

    public StoryId id() {
        return id;
    }

    public HouseStyle style() {
        return style;
    }

    /** The screen's measure of headline width in the site's font (the meter is blank without one). */
    public void setWidthMeasure(WidthMeasure measure) {
        this.widthMeasure = measure;
        recheck();
    }

    private record Loaded(StoryDetail detail, Claim claim, String recovered, java.time.Instant recoveredAt,
                          List<HeadlineDraft> revisions, boolean mayTakeOver, List<String> candidates,
                          StoryThread thread, Timing timing, AgencyMeta agency, String cannotApprove) {
    }

    /** Loads the story, claims it (or learns who holds it), and recovers an unsaved headline. */
    public void load() {
        fetch(false);
    }

    /**
     * The store changed (here or on another workstation): shows the story's status, claim and banners as they are
     * now. A headline being typed stays as typed while the story is still this member's to edit; a story that became
     * theirs to edit (sent back, or released by whoever held it) is claimed; one they may no longer edit shows the
     * stored headline, read only. A refresh writes nothing unless it claims.
     */
    public void refresh() {
        if (loaded) {
            fetch(true);
        }
    }

    private void fetch(boolean refresh) {
        latest.load(() -> {
            Story story = desk.story(id);
            boolean mayEdit = Action.DRAFT.allowedFor(user) && Action.DRAFT.allowedFrom(story.status());
            Claim now = desk.claimOn(id).orElse(null);
            // a refresh claims only a story that is free to claim: it never rewrites a claim it holds already
            Claim held = mayEdit && (!refresh || now == null) ? desk.claim(user, id) : now;
            var unsaved = held != null && held.username().equals(user.username())
                    ? desk.unsavedDraft(user, id).orElse(null) : null;
            return new Loaded(StoryDetail.of(story, desk.statusHistory(id), desk.sourceVersions(id)), held,
                    unsaved == null ? null : unsaved.headline(), unsaved == null ? null : unsaved.saved(),
                    desk.headlineHistory(id), desk.mayTakeOver(user, held), desk.candidates(id), desk.thread(id),
                    desk.timing(id), desk.agency(id),
                    desk.cannotApproveBecause(story).map(EditorViewModel::sentence).orElse(""));
        }, result -> show(result, refresh), this::fail);
    }

    private void show(Loaded loaded, boolean refresh) {
        Story story = loaded.detail().story();
        boolean wasEditable = editable.get();
        this.loaded = true;
        loading = true;
        try {
            detail.set(loaded.detail());
            claim.set(loaded.claim());
            revisions.setAll(loaded.revisions());
            candidates.setAll(loaded.candidates());
            thread.show(id, loaded.thread());
            rejection.set(loaded.thread().rejection().orElse(null));
            agencyHeadline.set(story.agencyHeadline().text());
            body.set(loaded.detail().bodyText());
            cannotApprove.set(loaded.cannotApprove());
            embargo.set(EmbargoText.of(story, loaded.timing()));
            withdrawn.set(AgencyText.withdrawn(loaded.agency()));
            deskNotes.set(AgencyText.notes(loaded.agency()));
            String house = story.house().map(h -> h.text()).orElse("");
            saved.set(house);
            boolean mine = loaded.claim() != null && loaded.claim().username().equals(user.username())
                    && Action.DRAFT.allowedFrom(story.status());
            editable.set(mine);
            canTakeOver.set(!mine && loaded.mayTakeOver() && Action.DRAFT.allowedFrom(story.status()));
            String shownAnyway = house.isEmpty() ? story.agencyHeadline().text() : house;
            if (refresh && wasEditable && mine) {
                // still theirs: what is being typed stays as typed, and a draft on offer stays on offer
            } else if (!refresh && mine && loaded.recovered() != null) {
                offer(RecoveredDraft.of(loaded.recovered(), loaded.recoveredAt(), shownAnyway, loaded.revisions()),
                        shownAnyway);
            } else {
                recovered.set(null);
                houseHeadline.set(shownAnyway);
            }
            readOnly.set(readOnlyReason(story, loaded.claim(), mine));
        } finally {
            loading = false;
        }
        recheck();
    }

    /**
     * Offers what was kept before the desk stopped: back in the field when nothing newer was saved since, with the
     * time it was kept (the "kept" time too); beside the field when a later revision stays the headline.
     */
    private void offer(RecoveredDraft draft, String shownAnyway) {
        recovered.set(draft);
        if (draft == null) {
            houseHeadline.set(shownAnyway);
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        if (draft.olderThanRevision()) {
            houseHeadline.set(shownAnyway);
        } else {
            houseHeadline.set(draft.headline());
            lastAutosave.set("Kept " + RecoveredDraft.at(draft.keptAt(), ZONE, now));
        }
        say(draft.sentence(ZONE, now));
    }

    /** Puts the recovered draft in the field (it is kept again from now on, as typing is). */
    public void useRecovered() {
        RecoveredDraft draft = recovered.get();
        if (draft != null && editable.get()) {
            recovered.set(null);
            houseHeadline.set(draft.headline());
        }
    }

    /**
     * Drops the recovered draft: the field shows the stored headline (or the agency's), and that is what is kept from
     * now on, so the draft is not offered again.
     */
    public void discardRecovered() {
        RecoveredDraft draft = recovered.get();
        if (draft == null || !editable.get()) {
            return;
        }
        recovered.set(null);
        Story story = detail.get().story();
        String stored = story.house().map(h -> h.text()).orElse(story.agencyHeadline().text());
        if (houseHeadline.get().equals(stored)) {
            autosaver.run(this::autosave); // the field already shows it: keep it anyway, over the draft
        } else {
            houseHeadline.set(stored);
        }
    }

    private String readOnlyReason(Story story, Claim held, boolean mine) {
        if (mine) {
            return "";
        }
        if (!Action.DRAFT.allowedFor(user)) {
            return "Read only: editing headlines needs the copy editor role";
        }
        if (!Action.DRAFT.allowedFrom(story.status())) {
            return "Read only: the story is " + story.status().label().toLowerCase(Locale.ROOT);
        }
        return held == null ? "Read only" : "Read only: " + held.username() + " is editing this story since "
                + TIME.format(held.since());
    }

    private void recheck() {
        String h = houseHeadline.get();
        issues.setAll(style.check(h, widthMeasure));
        diff.setAll(WordDiff.between(agencyHeadline.get(), h));
    }

    /** Applies a style fix: the headline becomes the corrected one (and can be undone like typing). */
    public void applyFix(StyleIssue issue) {
        if (issue.fixable() && editable.get()) {
            houseHeadline.set(issue.fixed());
        }
    }

    /** The headline's width in the site's font, or -1 without a measure. */
    public double widthPixels() {
        return widthMeasure == null ? -1 : widthMeasure.pixels(houseHeadline.get(), style.fontFamily(),
                style.fontBold(), style.fontSize());
    }

    /**
     * Keeps what is typed (issue 12 point 9): one write at a time, the latest text when it finishes, so a slow store
     * never has an older headline overwrite a newer one.
     */
    private void autosave() {
        String headline = houseHeadline.get();
        if (!editable.get() || headline.isBlank()) {
            return;
        }
        if (keeping) {
            keepAgain = true;
            return;
        }
        keeping = true;
        // the time the text was as it is kept: the write comes after, so "kept" never names a later time
        java.time.Instant typed = java.time.Instant.now();
        runner.run(() -> {
            desk.autosave(user, id, headline);
            return typed;
        }, at -> {
            keeping = false;
            lastKept = at;
            lastAutosave.set("Kept " + RecoveredDraft.at(at, ZONE, java.time.Instant.now()));
            if (keepAgain) {
                keepAgain = false;
                autosave();
            }
        }, e -> {
            keeping = false;
            keepAgain = false;
            lastAutosave.set(lastKept == null ? "Not kept" : "Not kept since "
                    + RecoveredDraft.at(lastKept, ZONE, java.time.Instant.now()));
            fail(e);
        });
    }

    public void saveDraft() {
        String headline = houseHeadline.get();
        java.time.Instant typed = java.time.Instant.now();
        runner.run(() -> desk.saveDraft(user, id, headline), story -> {
            lastKept = typed;
            lastAutosave.set("Kept " + RecoveredDraft.at(typed, ZONE, java.time.Instant.now()));
            say("Draft saved");
            changes.changed();
            load();
        }, this::fail);
    }

    /**
     * Submits the headline with the note; over house style only with the reason typed for the override, which
     * covers every error shown here (the width among them).
     */
    public void submit(String note) {
        String headline = houseHeadline.get();
        List<String> errors = issues.stream().filter(i -> i.severity() == StyleIssue.Severity.ERROR)
                .map(StyleIssue::message).toList();
        // a reason typed before the errors were fixed overrides nothing: it is not sent
        String reason = errors.isEmpty() ? null : styleOverride.get();
        runner.run(() -> desk.submit(user, id, headline, note, reason, errors), story -> {
            styleOverride.set("");
            say(errors.isEmpty() ? "Submitted for approval" : "Submitted for approval over house style");
            changes.changed();
            load();
        }, this::fail);
    }

    /** A desk chief takes over a stale claim. */
    public void takeOver() {
        runner.run(() -> desk.takeOver(user, id), taken -> {
            say("You hold this story now");
            load();
        }, this::fail);
    }

    /** Puts an earlier revision back as the headline (kept as a new revision when saved). */
    public void revert(HeadlineDraft revision) {
        if (editable.get() && revision != null) {
            houseHeadline.set(revision.headline().text());
            say("Reverted to the revision of " + TIME.format(revision.at()) + " by " + revision.author()
                    + " (save to keep it)");
        }
    }

    /** Keeps the current headline as a candidate to choose from later (stored with the story). */
    public void keepCandidate() {
        String h = houseHeadline.get().strip();
        if (h.isEmpty() || candidates.contains(h)) {
            return;
        }
        runner.run(() -> {
            desk.keepCandidate(user, id, h);
            return desk.candidates(id);
        }, kept -> {
            candidates.setAll(kept);
            say("Kept as a candidate");
        }, this::fail);
    }

    public void chooseCandidate(String candidate) {
        if (editable.get() && candidate != null) {
            houseHeadline.set(candidate);
        }
    }

    /** The screen is going away: let others edit. */
    public void close() {
        follower.stop();
        latest.cancel();
        thread.deactivate();
        if (editable.get()) {
            runner.run(() -> {
                desk.release(user, id);
                return id;
            }, released -> changes.changed(), this::fail);
        }
    }

    /**
     * The window is closing (a clean exit): releases the claim now, on this thread, rather than in the background a
     * closing desk would not wait for.
     */
    public void closeNow() {
        follower.stop();
        latest.cancel();
        thread.deactivate();
        if (editable.get()) {
            editable.set(false);
            try {
                desk.release(user, id);
            } catch (RuntimeException e) {
                // the store is going away too: a claim left behind goes stale, and a desk chief can take it over
            }
        }
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    private void fail(Throwable e) {
        problem.set(true);
        message.set(""); // the same refusal twice is said twice
        message.set(Messages.of(e));
    }

    /** Says what was done (not a refusal). */
    private void say(String text) {
        problem.set(false);
        message.set("");
        message.set(text);
    }

    public ReadOnlyObjectProperty<StoryDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agencyHeadlineProperty() {
        return agencyHeadline.getReadOnlyProperty();
    }

    /** The body as readable text: read-only, there is no setter. */
    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }

    /**
     * Why this story can never be approved (it has no web source URL), so the copy editor knows before submitting;
     * empty when nothing stands in the way.
     */
    /** Why the story cannot run because its agency withdrew it; empty when it did not. */
    public ReadOnlyStringProperty withdrawnProperty() {
        return withdrawn.getReadOnlyProperty();
    }

    /** The agency's notes to the desk, marked when not for publication; empty when it sent none. */
    public ReadOnlyStringProperty deskNotesProperty() {
        return deskNotes.getReadOnlyProperty();
    }

    /** The embargo (and schedule) the story waits for, in one sentence; empty when it may run at once. */
    public ReadOnlyStringProperty embargoProperty() {
        return embargo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cannotApproveProperty() {
        return cannotApprove.getReadOnlyProperty();
    }

    public StringProperty houseHeadlineProperty() {
        return houseHeadline;
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Claim> claimProperty() {
        return claim.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canTakeOverProperty() {
        return canTakeOver.getReadOnlyProperty();
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    public IntegerBinding lengthBinding() {
        return length;
    }

    /** Why the headline cannot be changed here, in one sentence; empty while it can. */
    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message reports a refusal or a failure (rather than what was done). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** When what is typed was last kept ("Kept 10:42:07"), or that it was not; empty before the first keep. */
    public ReadOnlyStringProperty lastAutosaveProperty() {
        return lastAutosave.getReadOnlyProperty();
    }

    /** A draft kept before the desk last stopped, offered back with its time; null when there is none. */
    public ReadOnlyObjectProperty<RecoveredDraft> recoveredProperty() {
        return recovered.getReadOnlyProperty();
    }

    public ObservableList<StyleIssue> issues() {
        return issues;
    }

    public ObservableList<WordDiff.Piece> diff() {
        return diff;
    }

    public ObservableList<HeadlineDraft> revisions() {
        return revisions;
    }

    public ObservableList<String> candidates() {
        return candidates;
    }

    /** The reason the copy editor gives for submitting a headline with a style error as it is. */
    public StringProperty styleOverrideProperty() {
        return styleOverride;
    }

    /** Whether the headline as typed has a house-style error, so submitting it needs a reason. */
    public BooleanBinding styleErrorsBinding() {
        return styleErrors;
    }

    /** Why the story was last sent back, while that is the last word on it (until it is submitted again); or null. */
    public ReadOnlyObjectProperty<ThreadEntry> rejectionProperty() {
        return rejection.getReadOnlyProperty();
    }

    /** The story's thread: what was said, and the reply being typed. */
    public ThreadViewModel thread() {
        return thread;
    }
}
