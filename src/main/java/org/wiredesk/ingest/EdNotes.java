package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An agency's notes to the desk as text, and whether the agency lets them be published: dpa marks contact details
 * {@code pubconstraint="dpapconstraint:nonpublic"}, and its notepad note carries the same details in a section of
 * class {@code np-nonpublic}; either makes the whole note not publishable.
 */
final class EdNotes {
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
            "header", "ul", "ol", "br", "tr");

    private EdNotes() {
    }

    static boolean publishable(Element note) {
        if (note.getAttribute("pubconstraint").toLowerCase(Locale.ROOT).contains("nonpublic")) {
            return false;
        }
        return !hasNonPublicPart(note);
    }

    private static boolean hasNonPublicPart(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && (child.getAttribute("class").toLowerCase(Locale.ROOT).contains("nonpublic")
                    || hasNonPublicPart(child))) {
                return true;
            }
        }
        return false;
    }

    /** The note's text, one line per block of its markup (a list item, a heading), spaces collapsed. */
    static String blockText(Element note) {
        StringBuilder raw = new StringBuilder();
        walk(note, raw);
        List<String> lines = new ArrayList<>();
        for (String line : raw.toString().split("\n")) {
            String clean = AgencyBodies.normalize(line);
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return String.join("\n", lines);
    }

    private static void walk(Node node, StringBuilder out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(n.getNodeValue().replace('\n', ' '));
            } else if (n instanceof Element e) {
                boolean block = BLOCKS.contains(AgencyBodies.localName(e));
                if (block) {
                    out.append('\n');
                }
                walk(e, out);
                if (block) {
                    out.append('\n');
                }
            }
        }
    }
}
