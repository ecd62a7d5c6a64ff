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
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th";

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
        List<String> out = new ArrayList<>();
        StringBuilder loose = new StringBuilder();
        walk(Jsoup.parseBodyFragment(html).body(), out, loose);
        flush(loose, out);
        return out;
    }

    private static void walk(Element parent, List<String> out, StringBuilder loose) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(text.getWholeText());
            } else if (node instanceof Element el) {
                boolean block = el.is(BLOCKS);
                boolean holdsBlocks = el.select(BLOCKS).size() > (block ? 1 : 0);
                if (holdsBlocks) {
                    flush(loose, out);
                    walk(el, out, loose);
                    flush(loose, out);
                } else if (block) {
                    flush(loose, out);
                    add(out, el.text());
                } else {
                    loose.append(el.is("br") ? " " : el.text());
                }
            }
        }
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
