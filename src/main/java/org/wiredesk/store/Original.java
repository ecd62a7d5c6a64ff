package org.wiredesk.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A document as it arrived, before any decoding or trimming, waiting to be archived with the first story or source
 * version derived from it (ADR 30). The items of one feed document share one: it is archived once, and each of them
 * names that one fetch. Not shared between threads.
 *
 * @param kind what the desk read it as: {@code feed}, {@code page}, {@code newsml-g2} or {@code ninjs}
 */
public final class Original {
    private final String kind;
    private final String origin;
    private final URI url;
    private final String contentType;
    private final String readAs;
    private final Instant fetched;
    private final byte[] bytes;
    private final String sha256;
    private byte[] gz;
    /** The fetch it was archived as, once that was committed; 0 before. */
    private long fetchId;

    /**
     * @param origin what was named (a file, an address), for the desk to recognise
     * @param url where the bytes came from (after redirects; a file: URI for a file), or null
     * @param contentType the HTTP Content-Type as received, or null (a file)
     * @param readAs the charset the desk decided for the bytes and why, or null
     */
    public Original(String kind, String origin, URI url, String contentType, String readAs, Instant fetched,
                    byte[] bytes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.url = url;
        this.contentType = contentType;
        this.readAs = readAs;
        this.fetched = Objects.requireNonNull(fetched, "fetched");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.sha256 = SourceArchiveRepository.sha256(bytes);
    }

    public String kind() {
        return kind;
    }

    public String origin() {
        return origin;
    }

    public URI url() {
        return url;
    }

    public String contentType() {
        return contentType;
    }

    public String readAs() {
        return readAs;
    }

    public Instant fetched() {
        return fetched;
    }

    /** The SHA-256 of the bytes as they arrived, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    public long byteCount() {
        return bytes.length;
    }

    /** The bytes gzip-compressed, made once. */
    byte[] gz() {
        if (gz == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
            try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024)) {
                zip.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in memory: does not happen
            }
            gz = out.toByteArray();
        }
        return gz;
    }

    long fetchId() {
        return fetchId;
    }

    void archivedAs(long id) {
        fetchId = id;
    }
}
