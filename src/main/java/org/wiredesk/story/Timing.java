package org.wiredesk.story;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What holds on a story's timing now (ADR 17): the embargo before which nothing may publish it, and the time an
 * approved story is scheduled to run. Each is the latest of its kind in the story's history; either may be absent.
 *
 * @param embargoUntil the embargo's end, or null when none holds
 * @param scheduledFor when the story is to run, or null when it is not scheduled (a schedule made before the
 *     story's latest approval does not hold: a new approval needs a new schedule)
 */
public record Timing(Instant embargoUntil, Instant scheduledFor) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz",
            Locale.ENGLISH);

    /** Nothing set. */
    public static final Timing NONE = new Timing(null, null);

    /** The two kinds of row a story's timing history holds. */
    public enum Kind {
        EMBARGO, SCHEDULE
    }

    public Optional<Instant> embargo() {
        return Optional.ofNullable(embargoUntil);
    }

    public Optional<Instant> schedule() {
        return Optional.ofNullable(scheduledFor);
    }

    /** A time as the desk writes it in sentences: the workstation's zone, to the minute. */
    public static String describe(Instant at) {
        return at == null ? "no time" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /**
     * The instant a local date and time name in this zone, or empty when the clock change makes it name none (the
     * hour skipped in spring) or two (the hour repeated in autumn): an embargo must not lift an hour early.
     */
    public static Optional<Instant> atLocal(java.time.LocalDateTime local, ZoneId zone) {
        java.util.List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        return offsets.size() == 1 ? Optional.of(local.toInstant(offsets.get(0))) : Optional.empty();
    }

    /** Whether the embargo still holds at {@code now}. */
    public boolean embargoedAt(Instant now) {
        return embargoUntil != null && embargoUntil.isAfter(now);
    }

    /** Whether the story is scheduled for later than {@code now}. */
    public boolean scheduledAfter(Instant now) {
        return scheduledFor != null && scheduledFor.isAfter(now);
    }

    /** Whether a scheduled story may run at {@code now}: its time has come and no embargo holds. */
    public boolean dueAt(Instant now) {
        return scheduledFor != null && !scheduledFor.isAfter(now) && !embargoedAt(now);
    }
}
