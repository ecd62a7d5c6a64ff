package org.wiredesk.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.StoryId;

/**
 * What a story page's signature covers, and the one definition of its canonical form and of where the signed
 * fields stand on the page.
 *
 * <p><b>Format {@value #FORMAT}: frozen.</b> Pages signed with it stay on sites for years and are checked by anyone
 * holding the desk's public key. Never change this definition; a new one gets a new format name beside it.
 *
 * <p>The signed bytes are the UTF-8 encoding of {@code "wiredesk-page-v1\n"} followed by six fields in this order,
 * each written as {@code <length>:<value>\n}, where {@code <length>} is the number of UTF-8 bytes of the value in
 * decimal ASCII without leading zeros, so no field can run into the next:
 * <ol>
 *   <li>the story id, in decimal;</li>
 *   <li>the headline the page runs, exactly as the desk keeps it (NFC, white space folded, see {@code Headline});</li>
 *   <li>the body's text fingerprint, {@code Body.sha256()}: 64 lower-case hex digits;</li>
 *   <li>the body's markup fingerprint, {@code Fingerprint.ofHtml(body.html())}: the SHA-256 of the stored HTML's
 *       UTF-8 bytes exactly as stored, 64 lower-case hex digits;</li>
 *   <li>the source URL, exactly as printed on the page (an absolute http or https URL);</li>
 *   <li>the publication time, in UTC with millisecond precision, always in the form
 *       {@code 2026-11-26T12:00:00.000Z}.</li>
 * </ol>
 * The signature is Ed25519 over those bytes. On the page the fields stand in {@code <meta name content>} tags in the
 * head ({@link #META_FORMAT} and the other {@code META_} names), beside the signature in base64 ({@link #META_SIGNATURE})
 * and the key id ({@link #META_KEY_ID}: the first 16 hex digits of the SHA-256 of the public key's X.509
 * SubjectPublicKeyInfo encoding). The visible page shows the same headline, URL and time.
 */
public record PageFields(StoryId id, String headline, String bodySha256, String bodyHtmlSha256, String url,
                         Instant publishedAt) {
    public static final String FORMAT = "wiredesk-page-v1";

    public static final String META_FORMAT = "wd-format";
    public static final String META_STORY_ID = "wd-story-id";
    public static final String META_HEADLINE = "wd-headline";
    public static final String META_BODY_SHA256 = "wd-body-sha256";
    public static final String META_BODY_HTML_SHA256 = "wd-body-html-sha256";
    public static final String META_URL = "wd-url";
    public static final String META_PUBLISHED_AT = "wd-published-at";
    public static final String META_KEY_ID = "wd-key-id";
    public static final String META_SIGNATURE = "wd-signature";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public PageFields {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (!Fingerprint.isSha256Hex(bodySha256) || !Fingerprint.isSha256Hex(bodyHtmlSha256)) {
            throw new IllegalArgumentException("body fingerprints are 64 lower-case hex digits");
        }
        // the signature holds milliseconds, as the store does
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The bytes the signature is taken of. */
    public byte[] canonical() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        for (String value : new String[] {Long.toString(id.value()), headline, bodySha256, bodyHtmlSha256, url,
                publishedAtText()}) {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The publication time as it is signed and printed in the page's {@code datetime} attribute. */
    public String publishedAtText() {
        return TIME.format(publishedAt);
    }

    /** Reads a time in the signed form; anything else is refused, so a page cannot carry two spellings of it. */
    public static Instant parseTime(String text) {
        try {
            Instant at = Instant.from(TIME.parse(text));
            if (!TIME.format(at).equals(text)) {
                throw new IllegalArgumentException("not in the signed form: " + text);
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time in the signed form: " + text, e);
        }
    }
}
