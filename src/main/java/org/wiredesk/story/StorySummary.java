package org.wiredesk.story;

import java.time.Instant;
import java.util.Objects;

/**
 * One inbox row: everything a list shows of a story, without its body.
 *
 * @param updatedAtSource when the source last changed the item after we ingested it, or null
 * @param priority whether the desk flagged it
 * @param read whether the member looking has read it
 * @param claimedBy who is editing it, or null
 * @param language the story's language as the source gave it, or null
 */
public record StorySummary(StoryId id, String sourceName, Headline agencyHeadline, Headline houseHeadline,
                           Instant received, Status status, Instant updated, Instant updatedAtSource,
                           boolean priority, boolean read, String claimedBy, String language) {
    public StorySummary(StoryId id, String sourceName, Headline agencyHeadline, Headline houseHeadline,
                        Instant received, Status status, Instant updated, Instant updatedAtSource) {
        this(id, sourceName, agencyHeadline, houseHeadline, received, status, updated, updatedAtSource, false, false,
                null, null);
    }

    public StorySummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyHeadline, "agencyHeadline");
        Objects.requireNonNull(status, "status");
    }

    public Headline runningHeadline() {
        return houseHeadline != null ? houseHeadline : agencyHeadline;
    }
}
