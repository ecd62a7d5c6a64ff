package org.wiredesk.story;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored wire story. The agency headline and body are as ingested and can only be read;
 * the house headline is the desk's, and the status says where the story stands.
 *
 * @param url the address the story came with: its own public web page, or (a file, an agency item) none or another
 * @param creditUrl the credit address its approval bound, for a story without a web page of its own (null before
 *     approval, and for a story with one)
 */
public record Story(StoryId id, String dedupKey, String sourceName, URI url, Headline agencyHeadline,
                    Headline houseHeadline, Body body, String byline, String language,
                    OffsetDateTime publishedAtSource, Instant received, Status status, Instant updated,
                    URI creditUrl) {
    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyHeadline, "agencyHeadline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(updated, "updated");
    }

    /** A story as it stands before any approval bound a credit address to it. */
    public Story(StoryId id, String dedupKey, String sourceName, URI url, Headline agencyHeadline,
                 Headline houseHeadline, Body body, String byline, String language,
                 OffsetDateTime publishedAtSource, Instant received, Status status, Instant updated) {
        this(id, dedupKey, sourceName, url, agencyHeadline, houseHeadline, body, byline, language, publishedAtSource,
                received, status, updated, null);
    }

    /** Its own public web page: its URL, when that is an absolute http or https address with a host. */
    public Optional<URI> webAddress() {
        return isWebAddress(url) ? Optional.of(url) : Optional.empty();
    }

    /**
     * The address its pages print under the source's name: its own web page, else the credit address its approval
     * bound. Empty for a story without a web page that no approval has bound an address to yet.
     */
    public Optional<URI> pageAddress() {
        return webAddress().or(() -> isWebAddress(creditUrl) ? Optional.of(creditUrl) : Optional.empty());
    }

    /** Whether this is an absolute http or https address with a host. */
    public static boolean isWebAddress(URI address) {
        if (address == null || address.getScheme() == null || address.getHost() == null
                || address.getHost().isBlank()) {
            return false;
        }
        String scheme = address.getScheme().toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    public Optional<Headline> house() {
        return Optional.ofNullable(houseHeadline);
    }

    /** The headline the site runs: the house headline where the desk wrote one, else the agency's. */
    public Headline runningHeadline() {
        return houseHeadline != null ? houseHeadline : agencyHeadline;
    }
}
