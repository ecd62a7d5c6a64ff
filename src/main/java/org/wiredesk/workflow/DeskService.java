package org.wiredesk.workflow;

import java.time.Clock;
import java.util.List;
import org.wiredesk.story.Action;
import org.wiredesk.story.Headline;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/**
 * The desk's work on a story, each step checked against the workflow and the member's roles here, in the
 * service, so no screen or command can skip the check. Only the house headline and the status ever change.
 */
public final class DeskService {
    private final StoryRepository stories;
    private final WorkflowRepository workflow;
    private final Clock clock;

    public DeskService(StoryRepository stories, WorkflowRepository workflow, Clock clock) {
        this.stories = stories;
        this.workflow = workflow;
        this.clock = clock;
    }

    public Story story(StoryId id) {
        return stories.find(id).orElseThrow(() -> new WorkflowException("There is no story " + id));
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
        Headline house = parse(headline);
        if (house.equals(story.houseHeadline())) {
            return story;
        }
        workflow.saveHeadline(id, story.status(), target, house, user.username(), clock.instant());
        return story(id);
    }

    /** Submits the story for the desk chief's approval, with an optional note. */
    public Story submit(User user, StoryId id, String headline, String note) {
        Story story = story(id);
        var target = Action.SUBMIT.apply(story.status(), user, null);
        Headline house = headline == null || headline.isBlank() ? story.houseHeadline() : parse(headline);
        if (house != null && !house.equals(story.houseHeadline())) {
            workflow.saveHeadline(id, story.status(), story.status(), house, user.username(), clock.instant());
        }
        workflow.transition(id, story.status(), target, user.username(), blankToNull(note), clock.instant());
        return story(id);
    }

    public void approve(User user, StoryId id) {
        move(user, id, Action.APPROVE, null);
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
