package org.wiredesk.story;

import java.time.Instant;

/**
 * One publication event of a story: first run, correction or kill, with the headline it ran under
 * and the fingerprint of the body it carried, and the page's Ed25519 signature where there is a page.
 */
public record Publication(long id, StoryId storyId, Kind kind, Headline headline, String bodySha256,
                          String actor, Instant at, String location, String note, String signature) {
    /** A publication event without a page signature. */
    public Publication(long id, StoryId storyId, Kind kind, Headline headline, String bodySha256, String actor,
                       Instant at, String location, String note) {
        this(id, storyId, kind, headline, bodySha256, actor, at, location, note, null);
    }

    /** What a publication event did. */
    public enum Kind { PUBLISHED, CORRECTED, KILLED }
}
