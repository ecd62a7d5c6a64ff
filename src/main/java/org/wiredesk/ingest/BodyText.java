package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.wiredesk.story.Body;
import org.wiredesk.story.Fingerprint;

/** The text of stored body HTML: for fingerprints, for the editor's locked view, and for search. */
public final class BodyText {
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "li", "blockquote", "pre", "figcaption", "td", "th");

    private BodyText() {
    }

    /** The body's text, as the fingerprint is taken of it. */
    public static String of(String html) {
        return Jsoup.parseBodyFragment(html).body().text();
    }

    /** A body of this sanitized HTML, fingerprinted. */
    public static Body bodyOf(String sanitizedHtml) {
        return new Body(sanitizedHtml, Fingerprint.ofText(of(sanitizedHtml)));
    }

    /** Whether the HTML still has the text the fingerprint was taken of. */
    public static boolean matches(Body body) {
        return Fingerprint.ofText(of(body.html())).equals(body.sha256());
    }

    /** The body as paragraphs of plain text: each innermost block is one paragraph; loose text is one too. */
    public static List<String> paragraphs(String html) {
        return paragraphs(Jsoup.parseBodyFragment(html).body());
    }

    /** The paragraphs of an element already parsed. */
    public static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder loose = new StringBuilder();
        walk(root, out, loose);
        flush(loose, out);
        return out;
    }

    private static void walk(Element parent, List<String> out, StringBuilder loose) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(text.getWholeText());
            } else if (node instanceof Element el) {
                boolean block = BLOCKS.contains(el.normalName());
                boolean holdsBlocks = holdsBlock(el);
                if (holdsBlocks) {
                    flush(loose, out);
                    walk(el, out, loose);
                    flush(loose, out);
                } else if (block) {
                    flush(loose, out);
                    add(out, el.text());
                } else {
                    loose.append(el.normalName().equals("br") ? " " : el.text());
                }
            }
        }
    }

    /** Whether any element below this one is a block (stops at the first). */
    private static boolean holdsBlock(Element el) {
        for (int k = 0; k < el.childNodeSize(); k++) {
            if (el.childNode(k) instanceof Element child && (BLOCKS.contains(child.normalName()) || holdsBlock(child))) {
                return true;
            }
        }
        return false;
    }

    private static void flush(StringBuilder loose, List<String> out) {
        add(out, loose.toString());
        loose.setLength(0);
    }

    private static void add(List<String> out, String text) {
        String normalized = Fingerprint.normalize(text);
        if (!normalized.isEmpty()) {
            out.add(normalized);
        }
    }
}
