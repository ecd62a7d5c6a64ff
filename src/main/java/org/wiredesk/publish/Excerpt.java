package org.wiredesk.publish;

import java.util.List;
import org.wiredesk.ingest.BodyText;

/** The teaser under a headline in Recent Posts and listings: about 100 characters, cut at a word, ending in "…". */
final class Excerpt {
    static final int ABOUT = 100;
    /** Never cut shorter than this to reach a word boundary: a teaser of three words reads as a mistake. */
    private static final int SHORTEST = 60;

    private Excerpt() {
    }

    /** The excerpt of a stored body: its paragraphs as one line of text, cut. */
    static String of(String bodyHtml) {
        List<String> paragraphs = BodyText.paragraphs(bodyHtml);
        return cut(String.join(" ", paragraphs), ABOUT);
    }

    /** The text itself when it is short enough, else cut at the last word that ends by {@code about}, then "…". */
    static String cut(String text, int about) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= about) {
            return t;
        }
        int cut = t.lastIndexOf(' ', about);
        if (cut < SHORTEST) {
            // one very long word (a URL, a German compound): cut it, but never inside a surrogate pair
            cut = Character.isLowSurrogate(t.charAt(about)) ? about - 1 : about;
        }
        // "leaders.…" and "Palestinian,…" read badly: the ellipsis replaces the punctuation
        String kept = t.substring(0, cut).replaceAll("[\\s.,;:!?…“‘«(\\[—–-]+$", "");
        return kept + "…";
    }
}
