package org.wiredesk.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WorkflowRepository;

/** Reads every story the site shows or withdraws from the store, newest publication first: two queries in all. */
final class SiteStories {
    /** Newest first by first publication; a correction does not move a story up, as on any news site. */
    static final Comparator<SiteStory> NEWEST_FIRST = Comparator.comparing(SiteStory::publishedAt)
            .thenComparing(s -> s.id().value()).reversed();

    private final StoryRepository stories;
    private final WorkflowRepository workflow;

    SiteStories(StoryRepository stories, WorkflowRepository workflow) {
        this.stories = stories;
        this.workflow = workflow;
    }

    List<SiteStory> all() {
        Map<StoryId, List<Publication>> events = new HashMap<>();
        // newest first from the store; each story's events are put oldest first below
        for (Publication p : workflow.recentPublications(Integer.MAX_VALUE)) {
            events.computeIfAbsent(p.storyId(), k -> new ArrayList<>()).add(p);
        }
        List<SiteStory> out = new ArrayList<>();
        for (Story story : stories.findAll(Set.of(Status.PUBLISHED, Status.KILLED))) {
            List<Publication> history = events.get(story.id());
            if (history == null || history.isEmpty()) {
                continue;
            }
            // the order they were recorded in (ids come from one sequence), as publications(id) gives them; a time
            // is what a member's clock said, and cannot put a story's events out of order
            history.sort(Comparator.comparingLong(Publication::id));
            out.add(new SiteStory(story, history));
        }
        out.sort(NEWEST_FIRST);
        return out;
    }
}
