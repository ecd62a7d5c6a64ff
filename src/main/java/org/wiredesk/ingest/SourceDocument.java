package org.wiredesk.ingest;

import java.net.URI;
import java.util.Objects;

/**
 * One piece of input as it arrived: a feed, a page or anything else, with where it came from.
 *
 * @param origin what the user named, for messages and the quarantine ("wire/feed.xml", "https://...")
 * @param location the document's address, the base for its relative links; a file: URI for local files
 * @param contentType the HTTP content type, or null for files
 */
public record SourceDocument(String origin, URI location, byte[] content, String contentType) {
    public SourceDocument {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
    }

    public boolean fromWeb() {
        return location != null && location.getScheme() != null && location.getScheme().startsWith("http");
    }
}
