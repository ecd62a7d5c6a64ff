package org.wiredesk.story;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * An observation that the source withdrew a story the desk ran: its page answered 404 or 410 when checked again, or
 * its feed marked it deleted. Noted once per story and kind, by the member whose workstation saw it; a desk chief
 * decides whether to kill our copy.
 *
 * @param detail what was checked and what it answered, in words ("https://... answered HTTP 410")
 */
public record SourceWithdrawal(StoryId story, How how, String detail, String notedBy, Instant at) {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm zzz",
            Locale.ENGLISH);

    /** How the withdrawal was seen. */
    public enum How {
        /** The source page answered 404 Not Found. */
        GONE_404("404", "its page answered 404 Not Found"),
        /** The source page answered 410 Gone: withdrawn on purpose. */
        GONE_410("410", "its page answered 410 Gone"),
        /** The source's feed marked the item deleted (an Atom tombstone, RFC 6721). */
        FEED_WITHDRAWN("feed", "its feed marked it deleted"),
        /** The agency sent a later version that cancels or withholds the item (NewsML-G2, ninjs pubStatus). */
        AGENCY_WITHDREW("agency", "the agency canceled or withheld it");

        private final String shortLabel;
        private final String sentence;

        How(String shortLabel, String sentence) {
            this.shortLabel = shortLabel;
            this.sentence = sentence;
        }

        /** "410", "404" or "feed": what the mark in a list says. */
        public String shortLabel() {
            return shortLabel;
        }

        /** The HTTP answer that means the page is gone, or null for one that does not. */
        public static How ofStatus(int status) {
            return status == 404 ? GONE_404 : status == 410 ? GONE_410 : null;
        }
    }

    public SourceWithdrawal {
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(at, "at");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a withdrawal says what was seen");
        }
    }

    /** The mark on a list: "Source withdrew: 410 on 27 Nov 21:30". */
    public String mark(ZoneId zone) {
        return "Source withdrew: " + how.shortLabel() + " on " + SHORT.format(at.atZone(zone));
    }

    /** A kill's reason, ready to edit: what the source did, when it was seen, and how. */
    public String killReason(ZoneId zone) {
        return "The source withdrew this report: " + how.sentence + " (seen " + LONG.format(at.atZone(zone)) + "; "
                + detail + ").";
    }
}
