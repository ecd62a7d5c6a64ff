package org.wiredesk.desk.common;

import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.Timing;

/** What a story not yet run waits for (ADR 17), in the sentence the editor and the approval screen show. */
public final class EmbargoText {
    private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter
            .ofPattern("EEE d MMM, HH:mm", java.util.Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());

    private EmbargoText() {
    }

    /** A time short enough for a table cell, on this workstation's clock: "Sat 28 Nov, 06:00". */
    public static String when(java.time.Instant at) {
        return SHORT.format(at);
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
