package org.wiredesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.wiredesk.story.Role;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.TimingRepository;

/**
 * Embargoes and schedules (ADR 17), checked here against the member's roles and the story's status so that every
 * screen and command says the same thing; the store holds the same rules for every other writer. A desk chief
 * embargoes a story not yet run, moves or lifts the embargo, and schedules an approved story for a time no earlier
 * than its embargo. Publishing honours both (PublishService): nothing runs before its embargo.
 */
public final class TimingService {
    private final StoryRepository stories;
    private final TimingRepository timings;
    private final Clock clock;

    public TimingService(StoryRepository stories, TimingRepository timings, Clock clock) {
        this.stories = stories;
        this.timings = timings;
        this.clock = clock;
    }

    /** What holds on the story now. */
    public Timing timing(StoryId id) {
        return timings.timing(id);
    }

    /** What holds now on every story with an embargo or a schedule. */
    public Map<StoryId, Timing> current() {
        return timings.current();
    }

    /** The story's embargoes and schedules as they were set, oldest first. */
    public List<TimingRepository.Change> history(StoryId id) {
        return timings.history(id);
    }

    /** Embargoes the story until {@code until} (a later time, or an earlier one: the embargo moves). */
    public void embargo(User user, StoryId id, Instant until, String reason) {
        Story story = mayEmbargo(user, id);
        if (until == null || !until.isAfter(clock.instant())) {
            throw new WorkflowException("An embargo ends in the future: " + Timing.describe(until) + " has passed");
        }
        Timing now = timings.timing(id);
        if (now.scheduledFor() != null && now.scheduledFor().isBefore(until)) {
            throw new WorkflowException("Story " + id + " is scheduled for " + Timing.describe(now.scheduledFor())
                    + ", before this embargo: move or cancel the schedule first");
        }
        timings.set(id, story.status(), Timing.Kind.EMBARGO, until.truncatedTo(ChronoUnit.MILLIS), reason,
                clock.instant());
    }

    /** Lifts the story's embargo: it may run at once (when approved). */
    public void liftEmbargo(User user, StoryId id, String reason) {
        Story story = mayEmbargo(user, id);
        if (timings.timing(id).embargo().isEmpty()) {
            throw new WorkflowException("Story " + id + " is not under embargo");
        }
        timings.set(id, story.status(), Timing.Kind.EMBARGO, null, reason, clock.instant());
    }

    /** Schedules an approved story to run at {@code at}, no earlier than its embargo; the running desk publishes it. */
    public void schedule(User user, StoryId id, Instant at) {
        Story story = mayChange(user, id, "schedule");
        if (story.status() != Status.APPROVED) {
            throw new WorkflowException("Only an approved story is scheduled: story " + id + " is "
                    + story.status().label().toLowerCase());
        }
        if (at == null || !at.isAfter(clock.instant())) {
            throw new WorkflowException("A schedule is for a time to come: " + Timing.describe(at) + " has passed. "
                    + "Publish the story now instead");
        }
        Timing timing = timings.timing(id);
        if (timing.embargoUntil() != null && at.isBefore(timing.embargoUntil())) {
            throw new WorkflowException("Story " + id + " is under embargo until " + Timing.describe(timing.embargoUntil())
                    + ": schedule it for then or later");
        }
        timings.set(id, Status.APPROVED, Timing.Kind.SCHEDULE, at.truncatedTo(ChronoUnit.MILLIS), null,
                clock.instant());
    }

    /** Cancels the story's schedule: it stays approved, for a desk chief to publish. */
    public void unschedule(User user, StoryId id) {
        Story story = mayChange(user, id, "unschedule");
        if (story.status() != Status.APPROVED || timings.timing(id).schedule().isEmpty()) {
            throw new WorkflowException("Story " + id + " is not scheduled");
        }
        timings.set(id, Status.APPROVED, Timing.Kind.SCHEDULE, null, null, clock.instant());
    }

    private Story mayEmbargo(User user, StoryId id) {
        Story story = mayChange(user, id, "embargo");
        if (story.status() == Status.PUBLISHED || story.status() == Status.KILLED) {
            throw new WorkflowException("Story " + id + " has already run: an embargo is set before publication");
        }
        return story;
    }

    private Story mayChange(User user, StoryId id, String what) {
        if (!user.has(Role.DESK_CHIEF)) {
            throw new WorkflowException(user.displayName() + " may not " + what + " a story: that needs the "
                    + Role.DESK_CHIEF.label().toLowerCase() + " role");
        }
        return stories.find(id).orElseThrow(() -> new WorkflowException("There is no story " + id));
    }
}
