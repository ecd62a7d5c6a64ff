package org.wiredesk.ingest;

import java.net.URI;
import java.util.List;
import org.wiredesk.store.OriginalBlocks;

/** The blocks of an archived original as {@link ArchivedOriginal} lists them, for the store's guard (ADR 32). */
public final class ArchivedBlocks implements OriginalBlocks {
    @Override
    public List<String> blocks(byte[] bytes, String contentType, String url, String kind) {
        URI base = null;
        try {
            base = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            // not an address: read it without a base, as the blocks are text only
        }
        return new ArchivedOriginal(bytes, contentType, base, kind).blocks();
    }
}
