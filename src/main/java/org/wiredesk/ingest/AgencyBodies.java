package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The body of an agency item as HTML, as the agency sent it: XHTML or NITF from inside XML, HTML or plain text from
 * ninjs. Only the container is taken off (the XHTML page's {@code head} and {@code header}, NITF's
 * {@code body.head}); every word of the body stays as written, and ingest sanitizes it like any other body.
 */
final class AgencyBodies {
    /** NITF's block elements that HTML names otherwise; the rest keep their names and the sanitizer decides. */
    private static final Map<String, String> NITF_TO_HTML = Map.of("hl1", "h1", "hl2", "h2", "block", "div",
            "bq", "blockquote", "fn", "aside", "media", "figure", "media-caption", "figcaption");

    private AgencyBodies() {
    }

    /** The body of an XHTML document or fragment: the {@code body}'s content without its {@code header}. */
    static String fromXhtml(Element container) {
        Element body = descendant(container, "body");
        org.jsoup.nodes.Element out = new org.jsoup.nodes.Element("div");
        for (Node child = (body != null ? body : container).getFirstChild(); child != null;
             child = child.getNextSibling()) {
            // dpa's header holds the headline, slugline, time and embargo notice: metadata, not the report's text
            if (body != null && child instanceof Element e && "header".equals(localName(e))) {
                continue;
            }
            if (body == null && child instanceof Element e && "head".equals(localName(e))) {
                continue;
            }
            copy(child, out, Map.of());
        }
        return out.html();
    }

    /** The {@code body.content} of an NITF document, as HTML; null when it has none. */
    static String fromNitf(Element nitf) {
        Element content = descendant(nitf, "body.content");
        if (content == null) {
            return null;
        }
        org.jsoup.nodes.Element out = new org.jsoup.nodes.Element("div");
        for (Node child = content.getFirstChild(); child != null; child = child.getNextSibling()) {
            copy(child, out, NITF_TO_HTML);
        }
        return out.html();
    }

    /** The byline in an NITF document's {@code body.head}, or null. */
    static String nitfByline(Element nitf) {
        Element byline = descendant(nitf, "byline");
        return byline == null ? null : blankToNull(normalize(byline.getTextContent()));
    }

    /** The byline in an XHTML body's header ({@code p class="byline"}), or null. */
    static String xhtmlByline(Element container) {
        for (Element e : descendants(container, "p")) {
            if ((" " + e.getAttribute("class") + " ").contains(" byline ")) {
                return blankToNull(normalize(e.getTextContent()));
            }
        }
        return null;
    }

    /** HTML from a ninjs body: a whole page gives its body, a fragment stays as it is. */
    static String fromHtml(String html) {
        String head = html.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body")) {
            Document page = Jsoup.parse(html);
            return page.body().html();
        }
        return html;
    }

    /** Plain text as paragraphs: at blank lines, or at each line break when the text has no blank line. */
    static String fromText(String text) {
        String normalized = text.replace("\r\n", "\n");
        String[] paragraphs = normalized.matches("(?s).*\\n\\s*\\n.*") ? normalized.split("\\n\\s*\\n")
                : normalized.split("\\n");
        StringBuilder html = new StringBuilder();
        for (String para : paragraphs) {
            if (!para.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    private static void copy(Node node, org.jsoup.nodes.Element parent, Map<String, String> rename) {
        switch (node.getNodeType()) {
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> parent.appendText(node.getNodeValue());
            case Node.ELEMENT_NODE -> {
                Element e = (Element) node;
                String name = localName(e);
                org.jsoup.nodes.Element copy = parent.appendElement(rename.getOrDefault(name, name));
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    String attr = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
                    if (!a.getNodeName().startsWith("xmlns") && a.getNamespaceURI() == null) {
                        copy.attr(attr, a.getNodeValue());
                    }
                }
                for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                    copy(child, copy, rename);
                }
            }
            default -> {
                // comments and processing instructions are not part of the text
            }
        }
    }

    /** The first element below {@code root} (or root itself) with this local name, in document order. */
    static Element descendant(Element root, String name) {
        List<Element> found = descendants(root, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> descendants(Element root, String name) {
        List<Element> out = new ArrayList<>();
        collect(root, name, out);
        return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
        if (name.equals(localName(e))) {
            out.add(e);
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c) {
                collect(c, name, out);
            }
        }
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    static String normalize(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
