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
 * @param claimedSince since when they hold it, or null
 * @param language the story's language as the source gave it, or null
 * @param clusterId the event cluster it belongs to (its first story's id), 0 when not grouped
 * @param embargoUntil the embargo on it (ADR 17), or null when none is set
 * @param withdrawnAtSource whether its agency's latest word cancels or withholds it (issue 13)
 * @param urgency the agency's urgency (1 = flash … 9), or null when the source gives none
 * @param publishedAtSource when the source says it published the story, or null when it does not say
 */
public record StorySummary(StoryId id, String sourceName, Headline agencyHeadline, Headline houseHeadline,
                           Instant received, Status status, Instant updated, Instant updatedAtSource,
                           boolean priority, boolean read, String claimedBy, Instant claimedSince,
                           String language, long clusterId, Instant embargoUntil, boolean withdrawnAtSource,
                           Integer urgency, Instant publishedAtSource) {
    public StorySummary(StoryId id, String sourceName, Headline agencyHeadline, Headline houseHeadline,
                        Instant received, Status status, Instant updated, Instant updatedAtSource) {
        this(id, sourceName, agencyHeadline, houseHeadline, received, status, updated, updatedAtSource, false, false,
                null, null, null, 0, null, false, null, null);
    }

    /** Whether an embargo holds on it at {@code now}: it may not run before it lifts. */
    public boolean embargoedAt(Instant now) {
        return embargoUntil != null && embargoUntil.isAfter(now) && status != Status.PUBLISHED
                && status != Status.KILLED;
    }

    /** The group this story shows under: its event cluster, or itself when it has none. */
    public long group() {
        return clusterId != 0 ? clusterId : id.value();
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
