package org.wiredesk.story;

/**
 * A story's content: sanitized HTML fixed at ingest, the fingerprint of its text and the fingerprint of its markup
 * (the HTML exactly as stored). There is deliberately no way to derive a changed body from this one.
 */
public record Body(String html, String sha256, String htmlSha256) {
    public Body {
        if (html == null) {
            throw new IllegalArgumentException("a body needs its HTML");
        }
        if (!Fingerprint.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("a body fingerprint is 64 lower-case hex digits: " + sha256);
        }
        if (!Fingerprint.isSha256Hex(htmlSha256)) {
            throw new IllegalArgumentException("a markup fingerprint is 64 lower-case hex digits: " + htmlSha256);
        }
    }

    /** A body as ingested: its markup fingerprint is taken now, of exactly this HTML. */
    public Body(String html, String sha256) {
        this(html, sha256, Fingerprint.ofHtml(html == null ? "" : html));
    }
}
