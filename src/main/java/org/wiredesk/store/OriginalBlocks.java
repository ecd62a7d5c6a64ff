package org.wiredesk.store;

import java.util.List;

/**
 * Lists an archived original's own text blocks, as the desk lists them (ADR 32). The store cannot read pages (it
 * sits below ingest), yet Derby's guard on a chosen body (V016) must list the blocks again to compare: ingest provides
 * this through {@link java.util.ServiceLoader} ({@code META-INF/services}), so the store needs no dependency on it.
 */
public interface OriginalBlocks {
    /**
     * The blocks of these bytes, in order.
     *
     * @param kind what the desk read it as: {@code feed}, {@code page}, {@code newsml-g2} or {@code ninjs}
     * @param contentType the HTTP Content-Type as received, or null
     * @param url where the bytes came from, or null
     */
    List<String> blocks(byte[] bytes, String contentType, String url, String kind);
}
