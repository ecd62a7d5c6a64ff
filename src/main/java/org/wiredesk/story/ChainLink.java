package org.wiredesk.story;

/**
 * The desk's tamper-evident history: every history row (headline revision, status change, approval,
 * publication, note, embargo or schedule) carries {@code row_hash = link(prev_hash, seq, kind, fields...)}, where {@code prev_hash} is the
 * row_hash of the row before it in one chain over all five tables, ordered by {@code seq} (1, 2, 3, ...), and the
 * first row's prev_hash is {@link #GENESIS}. Changing, removing, inserting or reordering any row breaks every link
 * after it.
 *
 * <p>The canonical text, frozen (a new version gets a new prefix, never a change here):
 * <pre>
 * "wiredesk-chain-v1\n" prev "\n" seq "\n" kind "\n" then, per field: "-" for null, else
 * N ":" value, where N is the value's length in Unicode code points; each field followed by "\n"
 * </pre>
 * Numbers are decimal, flags 0 or 1. The hash is the lower-case hex SHA-256 of the text's UTF-8 bytes. The field
 * lists are the methods below. The database calls these methods too (Derby functions {@code desk.chain_*}), so the
 * store refuses a row whose hash it did not compute itself.
 */
public final class ChainLink {
    /** The prev_hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    /** A headline revision: who wrote which house headline for which story, when. */
    public static String headline(String prev, long seq, long storyId, String headline, String author, long atMs) {
        return link(prev, seq, "HEADLINE", Long.toString(storyId), headline, author, Long.toString(atMs));
    }

    /** A status change, with its reason (null when none). From is null for the first (ingest) row. */
    public static String status(String prev, long seq, long storyId, String from, String to, String actor,
                                String reason, long atMs) {
        return link(prev, seq, "STATUS", Long.toString(storyId), from, to, actor, reason, Long.toString(atMs));
    }

    /** An approval: the headline and body fingerprints it covered, and whether the approver approved their own work. */
    public static String approval(String prev, long seq, long storyId, String headline, String bodySha256,
                                  String bodyHtmlSha256, String actor, int selfApproved, long atMs) {
        return link(prev, seq, "APPROVAL", Long.toString(storyId), headline, bodySha256, bodyHtmlSha256, actor,
                Integer.toString(selfApproved), Long.toString(atMs));
    }

    /** A publication event (first run, correction or kill), with the page signature when there is a page. */
    public static String publication(String prev, long seq, long storyId, String kind, String headline,
                                     String bodySha256, String actor, long atMs, String note, String signature) {
        return link(prev, seq, "PUBLICATION", Long.toString(storyId), kind, headline, bodySha256, actor,
                Long.toString(atMs), note, signature);
    }

    /**
     * A note on a story's thread (ADR 16): a reply, or the reason a copy editor gave for submitting a headline over
     * house style with the errors it overrode (one per line; null for a reply). Added beside the four kinds above,
     * which are unchanged.
     */
    public static String note(String prev, long seq, long storyId, String kind, String message, String styleErrors,
                              String author, long atMs) {
        return link(prev, seq, "NOTE", Long.toString(storyId), kind, message, styleErrors, author, Long.toString(atMs));
    }

    /**
     * An embargo or schedule (ADR 17): the time it sets, null when it lifts the embargo or cancels the schedule,
     * with its reason (null when none). Added beside the five kinds above, which are unchanged.
     */
    public static String timing(String prev, long seq, long storyId, String kind, Long untilMs, String reason,
                                String actor, long atMs) {
        return link(prev, seq, "TIMING", Long.toString(storyId), kind, untilMs == null ? null : untilMs.toString(),
                reason, actor, Long.toString(atMs));
    }

    private static String link(String prev, long seq, String kind, String... fields) {
        StringBuilder text = new StringBuilder("wiredesk-chain-v1\n").append(prev).append('\n').append(seq)
                .append('\n').append(kind).append('\n');
        for (String field : fields) {
            if (field == null) {
                text.append('-');
            } else {
                text.append(field.codePointCount(0, field.length())).append(':').append(field);
            }
            text.append('\n');
        }
        return Fingerprint.sha256Hex(text.toString());
    }
}
