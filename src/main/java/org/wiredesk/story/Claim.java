package org.wiredesk.story;

import java.time.Duration;
import java.time.Instant;

/** Who is editing a story, since when, and when they last saved. */
public record Claim(StoryId storyId, String username, Instant since, Instant active) {
    /** A claim nobody has saved under for this long may be taken over by a desk chief. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(15);

    public boolean staleAt(Instant now) {
        return active.plus(STALE_AFTER).isBefore(now);
    }
}
