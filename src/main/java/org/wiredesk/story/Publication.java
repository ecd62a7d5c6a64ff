package org.wiredesk.story;

import java.time.Instant;

/**
 * One publication event of a story: first run, correction or kill, with the headline it ran under
 * and the fingerprint of the body it carried.
 */
public record Publication(long id, StoryId storyId, Kind kind, Headline headline, String bodySha256,
                          String actor, Instant at, String location, String note) {
    /** What a publication event did. */
    public enum Kind { PUBLISHED, CORRECTED, KILLED }
}
