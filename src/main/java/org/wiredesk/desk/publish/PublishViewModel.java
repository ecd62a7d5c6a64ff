package org.wiredesk.desk.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Action;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Status;
import org.wiredesk.story.Role;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.workflow.DeskService;
import org.wiredesk.workflow.TimingService;

/**
 * Publishing: approved stories waiting to run (with who approved each, marked when self-approved, and the embargo
 * or schedule each waits for, which the desk chief sets here), stories the
 * publisher held back with its reason, which the desk chief sends back to the copy editor, the stories on the site
 * (the Published view) and its recent posts, whose headlines the desk chief corrects and which they kill.
 */
public final class PublishViewModel {
    private final StoryRepository stories;
    private final PublishService publish;
    private final DeskService desk;
    private final TimingService timing;
    private final User user;
    private final Path site;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final ObservableList<StorySummary> approved = FXCollections.observableArrayList();
    private final ObservableMap<StoryId, Approval> approvals = FXCollections.observableHashMap();
    private final ObservableMap<StoryId, Timing> timings = FXCollections.observableHashMap();
    private final ObservableList<HeldStory> held = FXCollections.observableArrayList();
    private final ObservableList<RecentPost> recent = FXCollections.observableArrayList();
    private final ObservableList<PublishedStory> published = FXCollections.observableArrayList();
    private final PublishedStories onSite;
    private final ReadOnlyObjectWrapper<Path> lastPage = new ReadOnlyObjectWrapper<>(this, "lastPage");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final StoreFollower follower;
    private final LatestOnly latest;
    /** Whether the timer's run of scheduled stories is under way, and what it last said (touched on the FX thread). */
    private boolean dueRunning;
    private String lastDue;

    /**
     * A story the publisher refused: its headline, the reason it was held, who ran the publishing and when, and
     * the approval it had (null if none is on record).
     */
    public record HeldStory(StoryId id, String headline, String reason, String heldBy, Instant heldAt,
                            Approval approval) {
    }

    public PublishViewModel(StoryRepository stories, PublishService publish, DeskService desk, TimingService timing,
                            User user, Path site, TaskRunner runner, StoreChanges changes) {
        this.stories = stories;
        this.publish = publish;
        this.desk = desk;
        this.timing = timing;
        this.user = user;
        this.site = site;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
        this.onSite = new PublishedStories(stories, desk);
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

    /** Marks the stories in the Published view whose source withdrew them (from the next reload). */
    public void showSourceWithdrawals(org.wiredesk.ingest.SourceWithdrawals withdrawals) {
        onSite.showWithdrawals(withdrawals);
    }

    private record Loaded(List<StorySummary> approved, Map<StoryId, Approval> approvals, List<HeldStory> held,
                          List<RecentPost> recent, List<PublishedStory> published, Map<StoryId, Timing> timings) {
    }

    public void reload() {
        latest.load(this::load, loaded -> {
            // the approvals first: the table's cells read them when the rows arrive
            approvals.keySet().retainAll(loaded.approvals().keySet());
            approvals.putAll(loaded.approvals());
            timings.keySet().retainAll(loaded.timings().keySet());
            timings.putAll(loaded.timings());
            approved.setAll(loaded.approved());
            held.setAll(loaded.held());
            recent.setAll(loaded.recent());
            published.setAll(loaded.published());
        }, this::fail);
    }

    // one query per approved or held story: the service has no "approvals of" / "held stories" call yet
    private Loaded load() {
        List<StorySummary> waiting = stories.summaries(Set.of(Status.APPROVED), 1000);
        Map<StoryId, Approval> byStory = new HashMap<>();
        for (StorySummary row : waiting) {
            desk.approval(row.id()).ifPresent(a -> byStory.put(row.id(), a));
        }
        List<HeldStory> heldBack = stories.summaries(Set.of(Status.HELD), 1000).stream()
                .map(this::heldStory).toList();
        return new Loaded(waiting, byStory, heldBack, publish.recentPosts(20), onSite.load(), timing.current());
    }

    private HeldStory heldStory(StorySummary row) {
        List<StatusChange> history = desk.statusHistory(row.id());
        StatusChange hold = null;
        for (int i = history.size() - 1; i >= 0 && hold == null; i--) {
            if (history.get(i).to() == Status.HELD) {
                hold = history.get(i);
            }
        }
        return new HeldStory(row.id(), row.runningHeadline().text(),
                hold == null || hold.reason() == null ? "" : hold.reason(), hold == null ? "" : hold.actor(),
                hold == null ? row.updated() : hold.at(), desk.approval(row.id()).orElse(null));
    }

    public boolean mayPublish() {
        return Action.PUBLISH.allowedFor(user);
    }

    /** Whether this member may send a held story back (the desk chief). */
    public boolean maySendBack() {
        return Action.SEND_BACK.allowedFor(user);
    }

    public void publish(StorySummary row) {
        if (row == null) {
            return;
        }
        runner.run(() -> publish.publish(user, row.id(), site), result -> {
            lastPage.set(result.page());
            say(false, "Published: " + result.headline() + " → " + result.page());
            changes.changed();
        }, this::fail);
    }

    public void publishAll() {
        runner.run(() -> publish.publishAllApproved(user, site), run -> {
            List<PublishService.Result> results = run.published();
            if (!results.isEmpty()) {
                lastPage.set(results.get(results.size() - 1).page());
            }
            say(!run.held().isEmpty() || !run.skipped().isEmpty(), runSummary(run));
            changes.changed();
        }, this::fail);
    }

    /**
     * Publishes the scheduled stories whose time has come (the desk's timer calls this every half minute while a
     * desk chief is signed in); says so only when it published or refused something.
     */
    public void publishDue() {
        if (!mayPublish() || dueRunning) {
            return; // a run that outlasts the beat is not overtaken by the next
        }
        dueRunning = true;
        runner.run(() -> publish.publishDue(user, site), run -> {
            dueRunning = false;
            if (run.published().isEmpty() && run.held().isEmpty() && run.skipped().isEmpty()) {
                return;
            }
            if (!run.published().isEmpty()) {
                lastPage.set(run.published().get(run.published().size() - 1).page());
            }
            sayOnce(!run.held().isEmpty() || !run.skipped().isEmpty(), "On schedule: " + runSummary(run));
            changes.changed();
        }, e -> {
            dueRunning = false;
            sayOnce(true, "On schedule: " + Messages.of(e));
        });
    }

    /** Says it unless the timer said the same last time: a lasting failure is told once, not every half minute. */
    private void sayOnce(boolean isProblem, String text) {
        if (!text.equals(lastDue)) {
            lastDue = text;
            say(isProblem, text);
        }
    }

    /** Whether this member may embargo and schedule stories (the desk chief); the services check again. */
    public boolean mayTime() {
        return user.has(Role.DESK_CHIEF);
    }

    /** Embargoes the story until {@code until}, or lifts its embargo when {@code until} is null. */
    public void embargo(StoryId id, Instant until, String reason) {
        runner.run(() -> {
            if (until == null) {
                timing.liftEmbargo(user, id, reason);
            } else {
                timing.embargo(user, id, until, reason);
            }
            return id;
        }, done -> {
            say(false, until == null ? "Embargo lifted on story " + id + "."
                    : "Story " + id + " is embargoed until " + Timing.describe(until) + ".");
            changes.changed();
        }, this::fail);
    }

    /** Schedules the approved story for {@code at}, or cancels its schedule when {@code at} is null. */
    public void schedule(StoryId id, Instant at) {
        runner.run(() -> {
            if (at == null) {
                timing.unschedule(user, id);
            } else {
                timing.schedule(user, id, at);
            }
            return id;
        }, done -> {
            say(false, at == null ? "Schedule cancelled for story " + id + ": it stays approved."
                    : "Story " + id + " is scheduled for " + Timing.describe(at) + ".");
            changes.changed();
        }, this::fail);
    }

    /** "Published 2 stories, held 1 (its reason is under Held)." and any skipped, each with why. */
    static String runSummary(PublishService.Run run) {
        int published = run.published().size();
        int heldBack = run.held().size();
        StringBuilder text = new StringBuilder("Published ").append(published)
                .append(published == 1 ? " story" : " stories").append(", held ").append(heldBack);
        if (heldBack > 0) {
            text.append(heldBack == 1 ? " (its reason is under Held)" : " (their reasons are under Held)");
        }
        text.append('.');
        for (PublishService.Skipped skipped : run.skipped()) {
            text.append(" Skipped story ").append(skipped.id()).append(": ").append(skipped.reason());
        }
        for (PublishService.Skipped waiting : run.waiting()) {
            text.append(" Waiting: ").append(waiting.reason()).append('.');
        }
        return text.toString();
    }

    /** Sends a held story back to the copy editor (it becomes rejected), with the reason they will see. */
    public void sendBack(HeldStory story, String reason) {
        if (story == null) {
            return;
        }
        runner.run(() -> {
            desk.sendBack(user, story.id(), reason);
            return story.headline();
        }, headline -> {
            say(false, "Sent back to the copy editor: " + headline);
            changes.changed();
        }, this::fail);
    }

    /** Whether this member may correct a published headline (the desk chief); the service checks again. */
    public boolean mayCorrect() {
        return Action.CORRECT.allowedFor(user);
    }

    /** Whether this member may kill a published story (the desk chief); the service checks again. */
    public boolean mayKill() {
        return Action.KILL.allowedFor(user);
    }

    /** Corrects a published story's headline: its page is rewritten where it is, and the reason kept. */
    public void correct(StoryId id, String headline, String reason) {
        runner.run(() -> publish.correct(user, id, headline, reason, site), result -> {
            lastPage.set(result.page());
            say(false, "Corrected: " + result.headline().text() + " — the page was rewritten in place.");
            changes.changed();
        }, this::fail);
    }

    /** Kills a published story: its page is replaced by a withdrawal notice, and the reason kept. */
    public void kill(StoryId id, String reason) {
        runner.run(() -> publish.kill(user, id, reason, site), result -> {
            lastPage.set(result.page());
            say(false, "Killed: " + result.headline().text() + " — its page now carries a withdrawal notice.");
            changes.changed();
        }, this::fail);
    }

    /** The story a recent post is the page of (empty for an address WireDesk did not make). */
    public Optional<StoryId> storyOf(RecentPost post) {
        return PublishedStories.storyOf(post);
    }

    private void say(boolean isProblem, String text) {
        problem.set(isProblem);
        message.set(""); // the same sentence twice is said twice
        message.set(text);
    }

    private void fail(Throwable e) {
        say(true, Messages.of(e));
    }

    public Path site() {
        return site;
    }

    public ObservableList<StorySummary> approved() {
        return approved;
    }

    /** The approval on record for each approved story, by story (self-approved ones are marked in the record). */
    public ObservableMap<StoryId, Approval> approvals() {
        return approvals;
    }

    /** The embargo and schedule on each approved story that has one. */
    public ObservableMap<StoryId, Timing> timings() {
        return timings;
    }

    /** Stories the publisher held back, each with the reason. */
    public ObservableList<HeldStory> held() {
        return held;
    }

    public ObservableList<RecentPost> recent() {
        return recent;
    }

    /** The stories on the site, and those killed, newest publication first. */
    public ObservableList<PublishedStory> published() {
        return published;
    }

    public ReadOnlyObjectProperty<Path> lastPageProperty() {
        return lastPage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message reports a refusal, a held story or a failure. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
