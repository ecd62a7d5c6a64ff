package org.wiredesk.workflow;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.wiredesk.story.Claim;
import org.wiredesk.story.Role;
import org.wiredesk.story.Action;
import org.wiredesk.story.Approval;
import org.wiredesk.story.Headline;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.StyleOverride;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.EditingRepository;
import org.wiredesk.store.PolicyRepository;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.ThreadRepository;
import org.wiredesk.store.TimingRepository;
import org.wiredesk.store.WorkflowRepository;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;

/**
 * The desk's work on a story, each step checked against the workflow and the member's roles here, in the
 * service, so no screen or command can skip the check. Only the house headline and the status ever change.
 */
public final class DeskService {
    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final EditingRepository editing;
    private final PolicyRepository policy;
    private final ThreadRepository threads;
    private final TimingRepository timings;
    private final Clock clock;
    private final StyleGate style;
    private final Credits credits;

    /**
     * @param houseStyle the desk's house style as it is now (the desk chief may change its rules at any time)
     */
    public DeskService(StoryRepository stories, WorkflowRepository workflow, EditingRepository editing,
                       PolicyRepository policy, ThreadRepository threads, TimingRepository timings, Clock clock,
                       Supplier<HouseStyle> houseStyle, Credits credits) {
        this.stories = stories;
        this.workflow = workflow;
        this.editing = editing;
        this.policy = policy;
        this.threads = threads;
        this.timings = timings;
        this.clock = clock;
        this.style = new StyleGate(houseStyle);
        this.credits = credits;
    }

    /** The agencies' credit addresses: what a story without a web page of its own prints under its source. */
    public Credits credits() {
        return credits;
    }

    /**
     * Claims a story for editing, or says who holds it: the returned claim is the member's own when they got it,
     * someone else's when the story is taken.
     */
    public Claim claim(User user, StoryId id) {
        Action.DRAFT.apply(story(id).status(), user, null);
        if (editing.claim(id, user.username(), clock.instant(), null)) {
            return editing.claim(id).orElseThrow();
        }
        return editing.claim(id).orElseThrow(() -> new WorkflowException("The claim on story " + id + " vanished"));
    }

    /** A desk chief takes over a claim nobody has saved under for a while. */
    public Claim takeOver(User chief, StoryId id) {
        if (!chief.has(Role.DESK_CHIEF)) {
            throw new WorkflowException(chief.displayName() + " may not take over a claim: that needs the desk "
                    + "chief role");
        }
        Claim held = editing.claim(id).orElse(null);
        if (held != null && !held.username().equals(chief.username()) && !held.staleAt(clock.instant())) {
            throw new WorkflowException(held.username() + " is still working on story " + id + " (last saved "
                    + held.active() + "): a claim can be taken over after " + Claim.STALE_AFTER.toMinutes()
                    + " minutes without a save");
        }
        if (!editing.claim(id, chief.username(), clock.instant(), held == null ? null : held.username())) {
            throw new WorkflowException("Someone else claimed story " + id + " first");
        }
        return editing.claim(id).orElseThrow();
    }

    /** Keeps a headline candidate to choose from later (the claim holder only). */
    public void keepCandidate(User user, StoryId id, String headline) {
        requireHolder(user, id);
        editing.addCandidate(id, parse(headline).text(), user.username(), clock.instant());
    }

    public List<String> candidates(StoryId id) {
        return editing.candidates(id);
    }

    /** Whether this member may take over the claim now: a desk chief, and the claim idle long enough. */
    public boolean mayTakeOver(User user, Claim claim) {
        return claim != null && user.has(Role.DESK_CHIEF) && !claim.username().equals(user.username())
                && claim.staleAt(clock.instant());
    }

    public void release(User user, StoryId id) {
        editing.release(id, user.username());
    }

    public Optional<Claim> claimOn(StoryId id) {
        return editing.claim(id);
    }

    /** Keeps the headline as typed, so a killed workstation loses nothing; only the claim holder's is kept. */
    public void autosave(User user, StoryId id, String headline) {
        requireHolder(user, id);
        if (headline != null && !headline.isBlank()) {
            editing.autosave(id, user.username(), headline, clock.instant());
        }
    }

    /** What the member was typing when their desk last stopped, if it was not saved as a revision. */
    public Optional<EditingRepository.Autosave> unsavedDraft(User user, StoryId id) {
        Story story = story(id);
        return editing.autosaved(id, user.username())
                .filter(a -> story.houseHeadline() == null || !a.headline().strip().equals(story.houseHeadline().text()));
    }

    private void requireHolder(User user, StoryId id) {
        Optional<Claim> claim = editing.claim(id);
        if (claim.isPresent() && !claim.get().username().equals(user.username())) {
            throw new WorkflowException("Story " + id + " is being edited by " + claim.get().username()
                    + " since " + claim.get().since() + ": only they can change its headline");
        }
    }

    public Story story(StoryId id) {
        return stories.find(id).orElseThrow(() -> new WorkflowException("There is no story " + id));
    }

    /** What the agency's own format said about the story (urgency, version, withdrawn, notes to the desk). */
    public org.wiredesk.story.AgencyMeta agency(StoryId id) {
        return stories.agency(id);
    }

    /** The story's embargo and schedule as they hold now (ADR 17): shown wherever the story is. */
    public Timing timing(StoryId id) {
        return timings.timing(id);
    }

    public void spike(User user, StoryId id) {
        move(user, id, Action.SPIKE, null);
    }

    public void unspike(User user, StoryId id) {
        move(user, id, Action.UNSPIKE, null);
    }

    /** Saves a house headline draft; the revision is kept in the story's history. */
    public Story saveDraft(User user, StoryId id, String headline) {
        Story story = story(id);
        var target = Action.DRAFT.apply(story.status(), user, null);
        requireHolder(user, id);
        Headline house = parse(headline);
        if (house.equals(story.houseHeadline())) {
            return story;
        }
        workflow.saveHeadline(id, story.status(), target, house, user.username(), clock.instant());
        editing.clearAutosave(id, user.username());
        return story(id);
    }

    /** Submits the story for the desk chief's approval, with an optional note; refused over house style. */
    public Story submit(User user, StoryId id, String headline, String note) {
        return submit(user, id, headline, note, null, List.of());
    }

    /**
     * Submits the story for the desk chief's approval, with an optional note. A headline with a house-style error
     * goes only with a reason for the override ({@code styleOverride}); the override, the errors it overrides (the
     * service's own check, and {@code errorsShown}: what the member's screen showed, its width among them) and the
     * reason are kept in the history with the submission.
     */
    public Story submit(User user, StoryId id, String headline, String note, String styleOverride,
                        List<String> errorsShown) {
        Story story = story(id);
        var target = Action.SUBMIT.apply(story.status(), user, null);
        requireHolder(user, id);
        Headline house = headline == null || headline.isBlank() ? story.houseHeadline() : parse(headline);
        Headline revised = house != null && !house.equals(story.houseHeadline()) ? house : null;
        String why = blankToNull(note);
        if (why != null && why.length() > ThreadEntry.MAX_TEXT) {
            throw new WorkflowException("The note is longer than " + ThreadEntry.MAX_TEXT + " characters: say it "
                    + "shorter, or reply on the thread");
        }
        StyleOverride override = style.check(house == null ? story.runningHeadline() : house, styleOverride,
                errorsShown);
        // the revision, the move and the override in one transaction: a refused submission keeps nothing of itself
        workflow.submit(id, story.status(), target, revised, why, override, clock.instant());
        editing.clearAutosave(id, user.username());
        editing.release(id, user.username());
        return story(id);
    }

    /** The headline's house-style errors that block a submission without an override (no screen needed to find). */
    public List<StyleIssue> styleErrors(String headline) {
        return style.errors(headline);
    }

    /** Replies on the story's thread (a copy editor or a desk chief); kept in the history as theirs. */
    public StoryThread reply(User user, StoryId id, String text) {
        if (!user.has(Role.COPY_EDITOR) && !user.has(Role.DESK_CHIEF)) {
            throw new WorkflowException(user.displayName() + " may not reply on a story's thread: that needs the "
                    + "copy editor or the desk chief role");
        }
        if (text == null || text.isBlank()) {
            throw new WorkflowException("A reply needs some text");
        }
        if (text.strip().length() > ThreadEntry.MAX_TEXT) {
            throw new WorkflowException("A reply is at most " + ThreadEntry.MAX_TEXT + " characters");
        }
        story(id);
        threads.reply(id, text.strip(), clock.instant());
        return thread(id);
    }

    /** What the copy editor and the desk chief said about the story, oldest first (ADR 16). */
    public StoryThread thread(StoryId id) {
        return threads.thread(id);
    }

    /**
     * Approves a submitted story for publication, covering exactly its running headline and body. Refused without
     * a web page of its own or a credit address for its agency (every page ends with its source and URL), and, unless the desk is a one-person desk, when
     * the desk chief wrote the headline or submitted the story (four eyes). The database holds both rules too.
     */
    public void approve(User user, StoryId id) {
        Story story = story(id);
        Action.APPROVE.apply(story.status(), user, null);
        cannotApproveBecause(story).ifPresent(why -> {
            throw new WorkflowException(why);
        });
        if (stories.agency(id).withdrawn()) {
            throw new WorkflowException("The agency withdrew story " + id + ": it cannot be approved");
        }
        FourEyes eyes = fourEyes(user, id);
        if (eyes.self() && !eyes.onePersonDesk()) {
            throw new WorkflowException("Four eyes: " + user.username() + " wrote this headline or submitted story "
                    + id + ", so another desk chief must approve it");
        }
        workflow.approve(id, story.runningHeadline(), story.body(), eyes.self(), clock.instant());
    }

    /** Whether approving would be the approver's own work, and whether the desk allows that (marked if so). */
    public record FourEyes(boolean self, boolean onePersonDesk) {
        public boolean allowed() {
            return !self || onePersonDesk;
        }
    }

    public FourEyes fourEyes(User user, StoryId id) {
        return new FourEyes(workflow.authorsOf(id).contains(user.username()), policy.onePersonDesk());
    }

    /**
     * Why a story cannot be approved whatever anyone does, in one sentence, if so: neither a web page of its own nor
     * a credit address for its agency to print under its source (ADR 19).
     */
    public Optional<String> cannotApproveBecause(Story story) {
        return credits.cannotApproveBecause(story);
    }

    /** What the story's latest approval covered. */
    public Optional<Approval> approval(StoryId id) {
        return workflow.latestApproval(id);
    }

    /** Holds back an approved story the publisher refused, with the reason. */
    public void hold(User user, StoryId id, String reason) {
        move(user, id, Action.HOLD, reason);
    }

    /** Sends a held story back to the copy editor, as a rejection with the reason. */
    public void sendBack(User user, StoryId id, String reason) {
        move(user, id, Action.SEND_BACK, reason);
    }

    public void reject(User user, StoryId id, String reason) {
        move(user, id, Action.REJECT, reason);
    }

    /** How many later versions the source published of this item (kept beside it, never applied). */
    public int sourceVersions(StoryId id) {
        return stories.sourceVersions(id).size();
    }

    public List<HeadlineDraft> headlineHistory(StoryId id) {
        return workflow.drafts(id);
    }

    public List<StatusChange> statusHistory(StoryId id) {
        return workflow.changes(id);
    }

    private void move(User user, StoryId id, Action action, String reason) {
        Story story = story(id);
        var target = action.apply(story.status(), user, reason);
        workflow.transition(id, story.status(), target, user.username(), blankToNull(reason), clock.instant());
    }

    private static Headline parse(String headline) {
        try {
            return new Headline(headline);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException("The house headline " + e.getMessage().replace("a headline ", ""));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
