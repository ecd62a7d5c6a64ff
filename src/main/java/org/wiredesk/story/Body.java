package org.wiredesk.story;

/**
 * A story's content: sanitized HTML fixed at ingest and the fingerprint of its text.
 * There is deliberately no way to derive a changed body from this one.
 */
public record Body(String html, String sha256) {
    public Body {
        if (html == null) {
            throw new IllegalArgumentException("a body needs its HTML");
        }
        if (!Fingerprint.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("a body fingerprint is 64 lower-case hex digits: " + sha256);
        }
    }
}
