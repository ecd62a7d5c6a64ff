package org.wiredesk.story;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A wire story as ingest found it, before the store gives it an identity.
 *
 * @param dedupKey what makes two arrivals the same item: the feed's guid, else the article URL
 * @param sourceName the agency credit printed under the story
 * @param url the report's own address, printed under the story; may be null for a file without one
 * @param publishedAtSource when the source says it published, with the source's zone; may be null
 * @param sourceId the desk source that brought it in, 0 when ingested by hand
 * @param embargo the embargo the source states, or null: the story may not run before it (ADR 17)
 * @param agency what the agency's own format says beyond the text (urgency, version, notes...; issue 13)
 */
public record NewStory(String dedupKey, String sourceName, URI url, Headline agencyHeadline, Body body,
                       String byline, String language, OffsetDateTime publishedAtSource, Instant received,
                       long sourceId, Instant embargo, AgencyMeta agency) {
    public NewStory(String dedupKey, String sourceName, URI url, Headline agencyHeadline, Body body, String byline,
                    String language, OffsetDateTime publishedAtSource, Instant received, long sourceId) {
        this(dedupKey, sourceName, url, agencyHeadline, body, byline, language, publishedAtSource, received, sourceId,
                null, AgencyMeta.NONE);
    }

    public NewStory(String dedupKey, String sourceName, URI url, Headline agencyHeadline, Body body, String byline,
                    String language, OffsetDateTime publishedAtSource, Instant received, long sourceId,
                    Instant embargo) {
        this(dedupKey, sourceName, url, agencyHeadline, body, byline, language, publishedAtSource, received, sourceId,
                embargo, AgencyMeta.NONE);
    }

    public NewStory(String dedupKey, String sourceName, URI url, Headline agencyHeadline, Body body, String byline,
                    String language, OffsetDateTime publishedAtSource, Instant received) {
        this(dedupKey, sourceName, url, agencyHeadline, body, byline, language, publishedAtSource, received, 0);
    }

    public NewStory {
        if (dedupKey == null || dedupKey.isBlank()) {
            throw new IllegalArgumentException("a story needs a guid or URL to recognise it by");
        }
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("a story needs the name of its source");
        }
        Objects.requireNonNull(agencyHeadline, "agencyHeadline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(received, "received");
        dedupKey = dedupKey.strip();
        agency = agency == null ? AgencyMeta.NONE : agency;
        sourceName = sourceName.strip();
    }
}
