package org.wiredesk.story;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored wire story. The agency headline and body are as ingested and can only be read;
 * the house headline is the desk's, and the status says where the story stands.
 */
public record Story(StoryId id, String dedupKey, String sourceName, URI url, Headline agencyHeadline,
                    Headline houseHeadline, Body body, String byline, String language,
                    OffsetDateTime publishedAtSource, Instant received, Status status, Instant updated) {
    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyHeadline, "agencyHeadline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(updated, "updated");
    }

    public Optional<Headline> house() {
        return Optional.ofNullable(houseHeadline);
    }

    /** The headline the site runs: the house headline where the desk wrote one, else the agency's. */
    public Headline runningHeadline() {
        return houseHeadline != null ? houseHeadline : agencyHeadline;
    }
}
