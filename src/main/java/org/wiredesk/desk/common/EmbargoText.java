package org.wiredesk.desk.common;

import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.Timing;

/** What a story not yet run waits for (ADR 17), in the sentence the editor and the approval screen show. */
public final class EmbargoText {
    private EmbargoText() {
    }

    /** "Embargoed until …: nothing publishes this story earlier. Scheduled to run …", or empty when it need not wait. */
    public static String of(Story story, Timing timing) {
        if (story.status() == Status.PUBLISHED || story.status() == Status.KILLED) {
            return "";
        }
        String embargoed = timing.embargo().map(t -> "Embargoed until " + Timing.describe(t)
                + ": nothing publishes this story earlier.").orElse("");
        String scheduled = timing.schedule().map(t -> "Scheduled to run " + Timing.describe(t) + ".").orElse("");
        return (embargoed + " " + scheduled).strip();
    }
}
