package org.wiredesk.story;

import java.util.List;

/**
 * What an agency's own format says about an item beyond its text (issue 13): the format it came in, the agency's
 * urgency (1 = flash … 9), its version, whether the agency has withdrawn it, the dateline, and its notes to the desk,
 * which never reach a page, a feed or our ninjs.
 *
 * @param format how the item arrived: rss, atom, html, newsml-g2 or ninjs (null when not known)
 * @param urgency 1 to 9, or null when the source gives none
 * @param version the agency's version of the item (NewsML-G2 {@code version}, ninjs {@code version}), or null
 * @param withdrawn whether the agency canceled or withheld it ({@code pubStatus})
 * @param dateline the dateline as the agency wrote it, or null
 * @param edNotes the agency's notes to the desk, in order
 */
public record AgencyMeta(String format, Integer urgency, String version, boolean withdrawn, String dateline,
                         List<EdNote> edNotes) {
    /** Nothing known beyond the text. */
    public static final AgencyMeta NONE = new AgencyMeta(null, null, null, false, null, List.of());

    /** A note from the agency to the desk, and whether the agency lets it be published. */
    public record EdNote(String text, boolean publishable) {
    }

    public AgencyMeta {
        if (urgency != null && (urgency < 1 || urgency > 9)) {
            throw new IllegalArgumentException("an urgency is 1 to 9, not " + urgency);
        }
        edNotes = edNotes == null ? List.of() : List.copyOf(edNotes);
    }

    /** Urgency 1 or 2: the desk marks the story urgent. */
    public boolean urgent() {
        return urgency != null && urgency <= 2;
    }
}
