package org.wiredesk.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes wire HTML safe to store and republish: only text structure, links and images survive; no script,
 * style, iframe, form, event handler or {@code javascript:} URL. Links are made absolute against the source.
 */
public final class HtmlSanitizer {
    private final Safelist safelist = Safelist.relaxed()
            .removeTags("div", "span", "colgroup", "col")
            .addTags("figure", "figcaption", "hr")
            .preserveRelativeLinks(false);

    /** The sanitized HTML of a fragment, with relative links resolved against {@code baseUri} (may be empty). */
    public String sanitize(String html, String baseUri) {
        Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html, baseUri == null ? "" : baseUri);
        return clean(dirty).body().html().strip();
    }

    /** A sanitized copy of a document's body, without empty blocks; the input is left as it was. */
    public Document clean(Document dirty) {
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element empty : clean.select("p, h1, h2, h3, h4, h5, h6, li, blockquote")) {
            if (!empty.hasText() && empty.selectFirst("img") == null) {
                empty.remove();
            }
        }
        return clean;
    }

    /** The sanitized HTML of an element's content. */
    public String sanitize(Element container) {
        return sanitize(container.html(), container.baseUri());
    }
}
