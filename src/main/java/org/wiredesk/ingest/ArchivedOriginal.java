package org.wiredesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.wiredesk.story.Fingerprint;

/**
 * An archived original read again (ADR 30): its bytes decoded as the desk decodes them, its own text blocks (each
 * paragraph, heading, list item... of the page, or of each item of a feed), whether a body's paragraph stands in it
 * word for word, and the bodies the readers of this build derive from it. Nothing is fetched: links are not followed,
 * scripts are never run, images are never loaded.
 */
public final class ArchivedOriginal {
    private static final Set<String> XML_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "blockquote", "pre", "figcaption", "td", "th", "dd", "dt", "title", "description", "summary",
            "content", "headline", "subheadline", "encoded", "body");
    /** Between two pieces of text that do not run into each other: no paragraph holds it. */
    private static final char APART = '\u0000';

    private final byte[] bytes;
    private final String contentType;
    private final URI url;
    private final String kind;
    private final String text;
    private final String readAs;
    private List<String> blocks;
    private String haystack;

    /**
     * @param kind what the desk read it as ({@code feed}, {@code page}, {@code newsml-g2}, {@code ninjs})
     * @param url where it came from, or null: the base of its links, never fetched
     */
    public ArchivedOriginal(byte[] bytes, String contentType, URI url, String kind) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.url = url;
        this.kind = kind;
        Charsets.Decision decision = Charsets.of(bytes, contentType);
        this.text = Charsets.decode(bytes, decision.charset());
        this.readAs = decision.describe();
    }

    /** The bytes decoded as the desk decodes them (BOM, HTTP header, declarations, a guess). */
    public String text() {
        return text;
    }

    /** The charset it is read in, and why. */
    public String readAs() {
        return readAs;
    }

    /**
     * The document's own text blocks in order, each as plain text with white space folded: a page's paragraphs,
     * headings, list items and captions; a feed's or an agency item's titles and the paragraphs of its bodies.
     * What a body is derived from is among them (point 6 of issue 11 lists them for the copy editor).
     */
    public List<String> blocks() {
        if (blocks == null) {
            Set<String> out = new LinkedHashSet<>();
            switch (kind) {
                case "page" -> out.addAll(BodyText.paragraphs(page().body()));
                case "ninjs" -> jsonStrings().forEach(s -> out.addAll(BodyText.paragraphs(s)));
                default -> xmlTexts().forEach(s -> out.addAll(BodyText.paragraphs(s)));
            }
            blocks = List.copyOf(out);
        }
        return blocks;
    }

    /**
     * Whether a paragraph of a body stands in this original word for word (white space folded, Unicode NFC): in
     * one of its blocks, its running text, its structured data or its meta tags.
     */
    public boolean holds(String paragraph) {
        String wanted = Fingerprint.normalize(paragraph);
        return wanted.isEmpty() || haystack().contains(wanted);
    }

    /** The first paragraph of the body's HTML that does not stand in this original, or null when every one does. */
    public String missingParagraph(String bodyHtml) {
        for (String paragraph : BodyText.paragraphs(bodyHtml)) {
            if (!holds(paragraph)) {
                return paragraph;
            }
        }
        return null;
    }

    /**
     * The text fingerprints of the bodies this build's readers derive from the original, read as at ingest: the
     * article of a page, every item of a feed or an agency's document. Empty when it no longer reads.
     */
    public Set<String> derivedBodies() {
        SourceDocument doc = Charsets.labelled(new SourceDocument(url == null ? "archive" : url.toString(), url,
                bytes, contentType));
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Set<String> out = new LinkedHashSet<>();
        try {
            List<WireItem> items = new ArrayList<>();
            switch (kind) {
                case "page" -> {
                    Article article = new ArticleExtractor().extract(doc);
                    if (article.readsAsArticle()) {
                        items.add(new WireItem(null, null, "", "", article.bodyHtml(),
                                url == null ? "" : url.toString(), null, null, null));
                    }
                }
                case "feed" -> items.addAll(new FeedReader().read(doc));
                case "newsml-g2" -> new NewsmlG2Reader().read(doc).stream().filter(r -> !r.isRefused())
                        .forEach(r -> items.add(r.item()));
                case "ninjs" -> new NinjsReader().read(doc).stream().filter(r -> !r.isRefused())
                        .forEach(r -> items.add(r.item()));
                default -> {
                }
            }
            for (WireItem item : items) {
                out.add(BodyText.bodyOf(sanitizer.sanitize(item.bodyHtml(), item.baseUri())).sha256());
            }
        } catch (NotIngestibleException | RuntimeException e) {
            // read no more: nothing is derived
        }
        return out;
    }

    private String haystack() {
        if (haystack == null) {
            StringBuilder all = new StringBuilder();
            List<String> pieces = new ArrayList<>(blocks());
            switch (kind) {
                case "page" -> {
                    Document page = page();
                    pieces.add(page.text());
                    for (Element script : page.select("script[type~=(?i)ld\\+json]")) {
                        try {
                            collectStrings(new ObjectMapper().readTree(script.data()), pieces);
                        } catch (IOException e) {
                            // not JSON: nothing from it
                        }
                    }
                    page.select("meta[content]").forEach(m -> pieces.add(m.attr("content")));
                    List<String> decoded = new ArrayList<>();
                    pieces.forEach(p -> decoded.add(Jsoup.parseBodyFragment(p).body().text()));
                    pieces.addAll(decoded);
                }
                // a text's markup read as markup, and as the text it also is (a feed that escaped its HTML twice)
                case "ninjs" -> jsonStrings().forEach(s -> {
                    pieces.add(s);
                    pieces.add(Jsoup.parseBodyFragment(s).body().text());
                });
                default -> xmlTexts().forEach(s -> {
                    pieces.add(s);
                    pieces.add(Jsoup.parseBodyFragment(s).body().text());
                });
            }
            for (String piece : pieces) {
                all.append(Fingerprint.normalize(piece)).append(APART);
            }
            haystack = all.toString();
        }
        return haystack;
    }

    private Document page() {
        return Jsoup.parse(text, url == null ? "" : url.toString());
    }

    /** The text of an XML document: each text node (markup inside it, as in a feed, is its own), each block's. */
    private List<String> xmlTexts() {
        Document xml = Jsoup.parse(text, "", Parser.xmlParser());
        List<String> out = new ArrayList<>();
        for (Element el : xml.getAllElements()) {
            String name = el.normalName();
            String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            if (el.children().isEmpty()) {
                String own = el.textNodes().stream().map(TextNode::getWholeText).reduce("", String::concat);
                if (!own.isBlank()) {
                    out.add(own);
                }
            } else if (XML_BLOCKS.contains(local)) {
                out.add(el.html()); // inline markup in a block (NewsML-G2's XHTML body)
            }
        }
        return out;
    }

    private List<String> jsonStrings() {
        List<String> out = new ArrayList<>();
        try {
            collectStrings(new ObjectMapper().readTree(text), out);
        } catch (IOException e) {
            // not JSON: nothing from it
        }
        return out;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectStrings(it.next(), out);
            }
        }
    }
}
