package org.wiredesk.desk.common;

import java.util.List;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.Story;

/** A story as the screens show it: the stored record, its body as readable paragraphs, and its history. */
public record StoryDetail(Story story, String bodyText, List<StatusChange> history, int sourceVersions) {
    public static StoryDetail of(Story story, List<StatusChange> history) {
        return of(story, history, 0);
    }

    /** With the number of later versions the source published (shown, never applied: the body stays). */
    public static StoryDetail of(Story story, List<StatusChange> history, int sourceVersions) {
        return new StoryDetail(story, String.join("\n\n", BodyText.paragraphs(story.body().html())),
                List.copyOf(history), sourceVersions);
    }

    /** The note the copy editor left when last submitting, if any. */
    public String submissionNote() {
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChange change = history.get(i);
            if (change.to() == org.wiredesk.story.Status.SUBMITTED) {
                return change.reason() == null ? "" : change.reason();
            }
        }
        return "";
    }

    /** Who last submitted the story, if anyone. */
    public String submittedBy() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == org.wiredesk.story.Status.SUBMITTED) {
                return history.get(i).actor();
            }
        }
        return "";
    }
}
