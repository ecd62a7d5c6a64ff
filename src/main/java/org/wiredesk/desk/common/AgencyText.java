package org.wiredesk.desk.common;

import java.util.stream.Collectors;
import org.wiredesk.story.AgencyMeta;

/** What the agency's own format said, in the sentences the editor and the approval screen show (issue 13). */
public final class AgencyText {
    private AgencyText() {
    }

    /** Why the story may not run because the agency withdrew it, or empty. */
    public static String withdrawn(AgencyMeta agency) {
        return agency.withdrawn() ? "The agency withdrew this item"
                + (agency.version() == null ? "" : " (version " + agency.version() + ")")
                + ": it cannot be approved or published." : "";
    }

    /** The agency's notes to the desk, one per line, each marked when it must never be published; or empty. */
    public static String notes(AgencyMeta agency) {
        if (agency.edNotes().isEmpty()) {
            return "";
        }
        return "From the agency to the desk (never on a page):\n" + agency.edNotes().stream()
                .map(n -> (n.publishable() ? "• " : "• [not for publication] ") + n.text())
                .collect(Collectors.joining("\n"));
    }

    /** "Urgency 2 (urgent)", or empty when the source gave none. */
    public static String urgency(AgencyMeta agency) {
        return agency.urgency() == null ? "" : "Urgency " + agency.urgency() + (agency.urgent() ? " (urgent)" : "");
    }
}
