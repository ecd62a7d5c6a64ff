package org.wiredesk.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the tombstones of an Atom feed (RFC 6721): {@code <at:deleted-entry ref="..." when="...">} in the namespace
 * {@value #NAMESPACE}, by which a publisher says it withdrew an entry. The ref is the entry's atom:id (what ingest
 * keeps as the item's guid); a tombstone's own {@code <link href>} names the entry's page. Namespace-aware, so any
 * prefix works; no DTD or external entity is read. A feed that is not well-formed gives the tombstones read before
 * the fault.
 */
public final class FeedTombstones {
    public static final String NAMESPACE = "http://purl.org/atompub/tombstones/1.0";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** A feed withdraws a few entries at a time; a flood of tombstones is not read past this. */
    static final int MOST = 500;

    private FeedTombstones() {
    }

    /**
     * One withdrawn entry.
     *
     * @param keys the entry's ref, then the addresses of its links: what it may be stored under
     * @param when the time the feed gives for the withdrawal, as written (may be empty)
     * @param comment the publisher's note on why, or empty
     */
    public record Tombstone(String ref, Set<String> keys, String when, String comment) {
    }

    /** The tombstones of a feed document, in feed order (none for anything that is not XML). */
    public static List<Tombstone> read(SourceDocument doc) {
        List<Tombstone> out = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(doc.content()));
            try {
                while (xml.hasNext() && out.size() < MOST) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && isTombstone(xml)) {
                        Tombstone t = tombstone(xml);
                        if (t != null) {
                            out.add(t);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // not XML, or broken past this point: what was read stands
        }
        return out;
    }

    private static boolean isTombstone(XMLStreamReader xml) {
        return NAMESPACE.equals(xml.getNamespaceURI()) && "deleted-entry".equals(xml.getLocalName());
    }

    /** Reads one deleted-entry, leaving the reader at its end. */
    private static Tombstone tombstone(XMLStreamReader xml) throws XMLStreamException {
        String ref = attribute(xml, "ref");
        String when = attribute(xml, "when");
        Set<String> keys = new LinkedHashSet<>();
        if (!ref.isEmpty()) {
            keys.add(ref);
        }
        StringBuilder comment = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (ATOM.equals(xml.getNamespaceURI()) && "link".equals(xml.getLocalName())
                        && !attribute(xml, "href").isEmpty()) {
                    keys.add(attribute(xml, "href"));
                } else if (NAMESPACE.equals(xml.getNamespaceURI()) && "comment".equals(xml.getLocalName())) {
                    comment.append(xml.getElementText().strip());
                    depth--; // getElementText leaves the reader at the comment's end
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return keys.isEmpty() ? null : new Tombstone(ref, keys, when, comment.toString());
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(XMLConstants.NULL_NS_URI, name);
        if (value == null) {
            value = xml.getAttributeValue(null, name);
        }
        return value == null ? "" : value.strip();
    }
}
