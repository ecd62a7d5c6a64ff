package org.wiredesk.ingest;

import static org.wiredesk.ingest.AgencyBodies.blankToNull;
import static org.wiredesk.ingest.AgencyBodies.localName;
import static org.wiredesk.ingest.AgencyBodies.normalize;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.wiredesk.story.AgencyMeta;

/**
 * Reads IPTC NewsML-G2: a {@code newsItem}, or a {@code newsMessage} whose {@code itemSet} carries several items
 * (a package among them is followed to its items). Each text item becomes a story with its body as sent (XHTML or
 * NITF in {@code inlineXML}); a picture, audio or video item, or an item without a headline or a text body, is
 * refused with its own bytes (ADR 18).
 */
final class NewsmlG2Reader {
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    /** The outcome of each item in the document, in document order. */
    List<ReadItem> read(SourceDocument doc) throws NotIngestibleException {
        Document xml = SecureXml.parse(doc.content());
        Element root = xml.getDocumentElement();
        if (!NAR.equals(root.getNamespaceURI())) {
            throw new NotIngestibleException("not NewsML-G2: its root element " + localName(root)
                    + " is not in the NewsML-G2 namespace");
        }
        return switch (localName(root)) {
            case "newsItem" -> List.of(item(root, doc, doc.content()));
            case "newsMessage" -> message(root, doc);
            default -> throw new NotIngestibleException("a NewsML-G2 " + localName(root)
                    + ", not a newsItem or newsMessage: it carries no story");
        };
    }

    private List<ReadItem> message(Element message, SourceDocument doc) throws NotIngestibleException {
        List<Element> items = new ArrayList<>();
        for (Element set : children(message, "itemSet")) {
            items.addAll(children(set, null));
        }
        if (items.isEmpty()) {
            throw new NotIngestibleException("a NewsML-G2 newsMessage with no item in its itemSet");
        }
        Set<String> guids = new HashSet<>();
        items.forEach(i -> guids.add(i.getAttribute("guid")));
        List<ReadItem> out = new ArrayList<>();
        for (Element item : items) {
            String guid = blankToNull(item.getAttribute("guid"));
            switch (localName(item)) {
                // one item keeps the message's bytes as sent; of several, each keeps its own element
                case "newsItem" -> out.add(item(item, doc, items.size() == 1 ? doc.content() : SecureXml.bytes(item)));
                // a package is followed to its items: those in this message are read in their own right
                case "packageItem" -> missingFromPackage(item, guids)
                        .ifPresent(reason -> out.add(ReadItem.refused(guid, reason, SecureXml.bytes(item))));
                default -> out.add(ReadItem.refused(guid, "not a news item but a NewsML-G2 " + localName(item),
                        SecureXml.bytes(item)));
            }
        }
        return out;
    }

    private static java.util.Optional<String> missingFromPackage(Element pkg, Set<String> guids) {
        List<String> missing = new ArrayList<>();
        for (Element ref : AgencyBodies.descendants(pkg, "itemRef")) {
            String id = ref.getAttribute("residref");
            if (!id.isBlank() && !guids.contains(id)) {
                missing.add(id);
            }
        }
        return missing.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("a package whose items "
                + String.join(", ", missing) + " are not in this message: the desk does not fetch them");
    }

    private ReadItem item(Element item, SourceDocument doc, byte[] bytes) {
        String guid = blankToNull(item.getAttribute("guid"));
        Element itemMeta = child(item, "itemMeta");
        Element contentMeta = child(item, "contentMeta");
        String itemClass = attr(child(itemMeta, "itemClass"), "qcode");
        String nature = code(itemClass);
        if (nature != null && !nature.equals("text") && !nature.equals("composite")) {
            return ReadItem.refused(guid, "not a text item (itemClass " + itemClass + ")",
                    bytes);
        }
        String headline = headline(contentMeta);
        if (headline == null) {
            return ReadItem.refused(guid, "the NewsML-G2 item has no headline", bytes);
        }
        Body body = body(child(item, "contentSet"));
        if (body == null || BodyText.of(body.html()).isBlank()) {
            return ReadItem.refused(guid, "the NewsML-G2 item has no text body (no XHTML or NITF with text in "
                    + "its contentSet)", bytes);
        }
        String url = link(itemMeta);
        String embargoStated = blankToNull(normalize(text(child(itemMeta, "embargoed"))));
        OffsetDateTime embargo = DateParser.parse(embargoStated).orElse(null);
        AgencyMeta meta = new AgencyMeta("newsml-g2", urgency(contentMeta), blankToNull(item.getAttribute("version")),
                withdrawn(itemMeta), blankToNull(normalize(text(child(contentMeta, "dateline")))), edNotes(itemMeta));
        String base = url != null ? url : doc.location() == null ? "" : doc.location().toString();
        WireItem wire = new WireItem(guid, url, source(item, itemMeta, contentMeta), headline, body.html(), base,
                body.byline() != null ? body.byline() : creators(contentMeta), language(item, contentMeta),
                DateParser.parse(text(child(itemMeta, "versionCreated"))).orElse(null), embargo, embargoStated, meta);
        return ReadItem.story(wire, bytes);
    }

    /** A body as HTML and the byline its markup states, if any. */
    private record Body(String html, String byline) {
    }

    private static Body body(Element contentSet) {
        for (Element content : children(contentSet, null)) {
            String type = content.getAttribute("contenttype").toLowerCase(Locale.ROOT);
            Element first = firstElement(content);
            if (localName(content).equals("inlineXML")) {
                if (type.contains("nitf") || (first != null && localName(first).equals("nitf"))) {
                    String html = first == null ? null : AgencyBodies.fromNitf(first);
                    if (html != null) {
                        return new Body(html, AgencyBodies.nitfByline(first));
                    }
                } else if (type.contains("html") || (first != null && localName(first).equals("html"))) {
                    return new Body(AgencyBodies.fromXhtml(content), AgencyBodies.xhtmlByline(content));
                }
            } else if (localName(content).equals("inlineData")) {
                String data = content.getTextContent();
                if (type.startsWith("text/plain")) {
                    return new Body(AgencyBodies.fromText(data), null);
                } else if (type.contains("html")) {
                    return new Body(AgencyBodies.fromHtml(data), null);
                }
            }
        }
        return null;
    }

    /** The main headline: the lowest rank wins (no rank counts as the first). */
    private static String headline(Element contentMeta) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element h : children(contentMeta, "headline")) {
            String text = normalize(h.getTextContent());
            int rank = parseInt(h.getAttribute("rank"), 0);
            if (!text.isEmpty() && rank < bestRank) {
                best = text;
                bestRank = rank;
            }
        }
        return best;
    }

    private static Integer urgency(Element contentMeta) {
        int urgency = parseInt(normalize(text(child(contentMeta, "urgency"))), -1);
        return urgency >= 1 && urgency <= 9 ? urgency : null;
    }

    private static boolean withdrawn(Element itemMeta) {
        String status = code(attr(child(itemMeta, "pubStatus"), "qcode"));
        return "canceled".equals(status) || "withheld".equals(status);
    }

    private static List<AgencyMeta.EdNote> edNotes(Element itemMeta) {
        List<AgencyMeta.EdNote> notes = new ArrayList<>();
        for (Element note : children(itemMeta, "edNote")) {
            String text = EdNotes.blockText(note);
            if (!text.isBlank()) {
                notes.add(new AgencyMeta.EdNote(text, EdNotes.publishable(note)));
            }
        }
        return notes;
    }

    /** The agency: the copyright holder, else the provider (its name or code), else the credit line. */
    private static String source(Element item, Element itemMeta, Element contentMeta) {
        Element rights = child(item, "rightsInfo");
        Element holder = child(rights, "copyrightHolder");
        Element provider = child(itemMeta, "provider");
        String name = firstNonBlank(normalize(text(child(holder, "name"))), normalize(text(child(provider, "name"))),
                code(attr(provider, "qcode")), FeedReader.hostOf(attr(provider, "uri")),
                normalize(text(child(contentMeta, "creditline"))));
        return name != null ? name : "Unknown source";
    }

    private static String creators(Element contentMeta) {
        List<String> names = new ArrayList<>();
        for (Element creator : children(contentMeta, "creator")) {
            String name = normalize(text(child(creator, "name")));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String language(Element item, Element contentMeta) {
        String tag = attr(child(contentMeta, "language"), "tag");
        return tag != null ? tag : blankToNull(item.getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
    }

    /**
     * The item's own public address: a link whose relation says it is the item itself. A {@code seeAlso} link points
     * at related material (dpa's short links, pictures), never at the report, and must not become its address.
     */
    private static String link(Element itemMeta) {
        for (Element link : children(itemMeta, "link")) {
            String rel = code(link.getAttribute("rel"));
            String href = link.getAttribute("href").strip();
            if (rel != null && Set.of("canonical", "self", "alternate").contains(rel)
                    && DocumentLoader.isWebAddress(href)) {
                return href;
            }
        }
        return null;
    }

    /** A QCode's code, or a URI's last segment: "ninat:text" and ".../ninature/text" are both "text". */
    static String code(String qcodeOrUri) {
        if (qcodeOrUri == null || qcodeOrUri.isBlank()) {
            return null;
        }
        String s = qcodeOrUri.strip();
        int cut = Math.max(s.lastIndexOf(':'), s.lastIndexOf('/'));
        return s.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    /** The first child element in the NewsML-G2 namespace with this local name; null-safe. */
    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Child elements in the NewsML-G2 namespace with this local name (any name when null). */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAR.equals(e.getNamespaceURI())
                    && (name == null || name.equals(localName(e)))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    private static String attr(Element e, String name) {
        return e == null ? null : blankToNull(e.getAttribute(name).strip());
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null || s.isBlank() ? otherwise : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
