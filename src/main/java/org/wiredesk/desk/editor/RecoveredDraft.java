package org.wiredesk.desk.editor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.wiredesk.story.HeadlineDraft;

/**
 * A headline the editor kept before its desk stopped without saving it (a crash, a kill, a power cut), offered back
 * with the time it was kept. It goes back in the field only when nothing newer was saved since: a revision saved
 * after it (by anyone) stays the headline, and the draft is offered beside it, never presented as newer than it is.
 *
 * @param headline the text as kept
 * @param keptAt when the store kept it (the write; the last key typed in it came a fraction of a second before)
 * @param newerRevisionAt when a revision saved after it was saved, or null when none was
 * @param newerRevisionBy who saved that revision, or null
 */
public record RecoveredDraft(String headline, Instant keptAt, Instant newerRevisionAt, String newerRevisionBy) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm:ss",
            Locale.ENGLISH);

    public RecoveredDraft {
        if (headline == null || headline.isBlank() || keptAt == null) {
            throw new IllegalArgumentException("a recovered draft has a headline and the time it was kept");
        }
    }

    /**
     * The draft to offer, or null when there is nothing to offer: no draft, or one that reads as the headline the
     * editor shows anyway.
     */
    static RecoveredDraft of(String headline, Instant keptAt, String shownAnyway, List<HeadlineDraft> revisions) {
        if (headline == null || headline.isBlank() || headline.strip().equals(shownAnyway.strip())) {
            return null;
        }
        HeadlineDraft newest = null;
        for (HeadlineDraft r : revisions) {
            if (newest == null || r.at().isAfter(newest.at())) {
                newest = r;
            }
        }
        boolean older = newest != null && newest.at().isAfter(keptAt);
        return new RecoveredDraft(headline, keptAt, older ? newest.at() : null, older ? newest.author() : null);
    }

    /** Whether a revision was saved after this draft was kept: then the revision stays the headline. */
    public boolean olderThanRevision() {
        return newerRevisionAt != null;
    }

    /** The banner's sentence, times in {@code zone} with the day named when it is not {@code now}'s day. */
    public String sentence(ZoneId zone, Instant now) {
        String from = "Recovered draft from " + at(keptAt, zone, now);
        return olderThanRevision()
                ? from + ", older than the revision " + newerRevisionBy + " saved at " + at(newerRevisionAt, zone, now)
                + ", which stays the headline: \"" + headline.strip() + "\""
                : from + ", not saved as a revision: it is in the field";
    }

    /**
     * A time as a person reads it on the desk: "10:42:07" today, "27 Nov 10:42:07" on another day. Seconds are cut,
     * never rounded up, so a time is never later than it was.
     */
    static String at(Instant instant, ZoneId zone, Instant now) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return (day.equals(now.atZone(zone).toLocalDate()) ? CLOCK : DAY_AND_CLOCK).format(instant.atZone(zone));
    }
}
