package org.wiredesk.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One piece of input as it arrived: a feed, a page or anything else, with where it came from.
 *
 * @param origin what the user named, for messages and the quarantine ("wire/feed.xml", "https://...")
 * @param location the document's address, the base for its relative links; a file: URI for local files
 * @param content the bytes exactly as they arrived (the HTTP body, the file), before any decoding; archived as they
 *     are with what is derived from them (ADR 30)
 * @param contentType the HTTP content type, or null for files
 * @param fetched when the bytes were fetched or read, or null when not known (bytes in hand)
 */
public record SourceDocument(String origin, URI location, byte[] content, String contentType, Instant fetched) {
    public SourceDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
    }

    /** A document in hand, with no time of fetching. */
    public SourceDocument(String origin, URI location, byte[] content, String contentType) {
        this(origin, location, content, contentType, null);
    }

    public boolean fromWeb() {
        return location != null && location.getScheme() != null && location.getScheme().startsWith("http");
    }
}
