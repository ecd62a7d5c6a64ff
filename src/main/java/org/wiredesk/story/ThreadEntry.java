package org.wiredesk.story;

import java.time.Instant;
import java.util.List;

/**
 * One thing said on a story's thread, by whom and when: a submission (with the copy editor's note, if any), a
 * rejection or a hold with its reason, a reply, or the reason a headline was submitted over house style together
 * with the errors it overrode. Submissions, rejections and holds are the story's status history; replies and
 * overrides are notes of their own. Both are history rows in the one chain.
 *
 * @param text what was said; null only for a submission without a note
 * @param styleErrors the house-style errors an override overrode, as the copy editor was shown them; else empty
 */
public record ThreadEntry(Kind kind, String author, Instant at, String text, List<String> styleErrors) {
    /** What kind of thing was said. */
    public enum Kind {
        SUBMITTED("Submitted"),
        REJECTED("Rejected"),
        HELD("Held at publishing"),
        REPLY("Reply"),
        STYLE_OVERRIDE("Style override");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether this kind is a note of its own (the others are status changes). */
        public boolean isNote() {
            return this == REPLY || this == STYLE_OVERRIDE;
        }
    }

    /** The longest text a note or a reason may have, in characters (the store keeps no more). */
    public static final int MAX_TEXT = 2000;

    public ThreadEntry {
        if (kind == null || author == null || at == null) {
            throw new IllegalArgumentException("a thread entry has a kind, an author and a time");
        }
        if (text == null && kind != Kind.SUBMITTED) {
            throw new IllegalArgumentException("a " + kind.label().toLowerCase() + " entry has text");
        }
        styleErrors = styleErrors == null ? List.of() : List.copyOf(styleErrors);
    }
}
