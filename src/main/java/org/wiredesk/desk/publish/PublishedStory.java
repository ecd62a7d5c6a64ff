package org.wiredesk.desk.publish;

import java.time.Instant;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Status;
import org.wiredesk.story.StoryId;

/**
 * A story the desk put on the site: its headline as it runs now, when it first ran, and when it last changed
 * (corrected or killed; null when neither). A killed one stays listed, marked, so the desk sees what it withdrew.
 * {@code withdrawn} is the first note that the source withdrew it, or null.
 */
public record PublishedStory(StoryId id, String headline, String sourceName, Status status, Instant publishedAt,
                             Instant updatedAt, int corrections, SourceWithdrawal withdrawn) {
    public boolean killed() {
        return status == Status.KILLED;
    }

    /** "Published", "Corrected" or "Corrected 2×", or "Killed". */
    public String state() {
        if (killed()) {
            return "Killed";
        }
        return corrections == 0 ? "Published" : corrections == 1 ? "Corrected" : "Corrected " + corrections + "×";
    }
}
