package org.wiredesk.ingest;

/**
 * Where an ingest comes from: a desk source (its id and the agency credit to print), and whether a feed item that
 * carries only a summary may have its linked page fetched.
 */
public record IngestContext(long sourceId, String credit, boolean fetchLinkedPages) {
    /** Ingest by hand (files, folders, addresses named by the user). */
    public static final IngestContext BY_HAND = new IngestContext(0, null, false);
}
