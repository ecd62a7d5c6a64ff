package org.wiredesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reads an article page: headline, byline, time, site, canonical address and language from the page's
 * structured data first (JSON-LD, OpenGraph, meta tags), then its body from the content itself.
 */
public final class ArticleExtractor {
    // queries parsed once: Jsoup parses a query string again on every call
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator H1_H2 = QueryParser.parse("h1, h2");
    private static final Evaluator TIME = QueryParser.parse("time[datetime]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical]");

    private final ContentExtractor content = new ContentExtractor();

    public Article extract(SourceDocument doc) {
        String base = doc.location() == null ? "" : doc.location().toString();
        MarkupTrimmer.Trimmed trimmed = MarkupTrimmer.trim(doc.content());
        String charset = charset(doc);
        Document page = parse(trimmed.html(), charset, base);
        Optional<JsonNode> ld;
        if (trimmed.jsonLd() == null) {
            ld = JsonLd.article(page);
        } else {
            List<String> blocks = new ArrayList<>();
            for (byte[] block : trimmed.jsonLd()) {
                blocks.add(new String(block, page.charset()));
            }
            ld = JsonLd.article(blocks);
        }
        // the first look consumes the page: a second look parses the trimmed bytes again
        return extract(page, ld, () -> parse(trimmed.html(), charset, base));
    }

    /** Extracts from a parsed page, which is consumed (its body is taken apart). */
    public Article extract(Document page) {
        return extract(page, JsonLd.article(page), null);
    }

    private static Document parse(byte[] html, String charset, String base) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), charset, base);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes already in memory cannot fail", e);
        }
    }

    private Article extract(Document page, Optional<JsonNode> ld, Supplier<Document> again) {
        Map<String, String> meta = metaTags(page);
        String siteName = first(PlainText.siteName(meta.get("og:site_name")),
                PlainText.siteName(ld.map(n -> n.has("publisher") ? JsonLd.text(n, "publisher") : null).orElse(null)),
                PlainText.siteName(meta.get("application-name")));
        String headline = PlainText.decoded(HeadlineChooser.choose(new HeadlineChooser.Candidates(
                ld.map(n -> JsonLd.text(n, "headline")).orElse(null), meta.get("og:title"),
                meta.get("twitter:title"), page.title(), () -> page.select(H1).eachText(),
                () -> page.select(H1_H2).eachText())));
        String byline = PlainText.decoded(Bylines.find(page, meta, ld.map(JsonLd::authors).orElse(null)));
        OffsetDateTime published = DateParser.parse(firstOf(
                () -> ld.map(n -> JsonLd.text(n, "datePublished")).orElse(null),
                () -> meta.get("article:published_time"), () -> meta.get("datepublished"),
                () -> meta.get("pubdate"), () -> meta.get("date"), () -> meta.get("dc.date"),
                () -> attr(page, TIME, "datetime"))).orElse(null);
        String url = first(attr(page.head(), CANONICAL, "abs:href"), meta.get("og:url"),
                ld.map(n -> JsonLd.text(n, "url")).orElse(null), page.location());
        if (siteName == null) {
            siteName = FeedReader.hostOf(url);
        }
        Element root = page.firstElementChild();
        String language = first(root == null ? null : blank(root.attr("lang")), meta.get("content-language"),
                meta.get("og:locale"), ld.map(n -> JsonLd.text(n, "inLanguage")).orElse(null));
        boolean declared = ld.isPresent() || "article".equalsIgnoreCase(meta.get("og:type")) || published != null;
        String description = first(meta.get("og:description"), meta.get("description"),
                meta.get("twitter:description"), ld.map(n -> JsonLd.text(n, "description")).orElse(null));
        Body body = body(page, ld, description, again);
        return new Article(headline == null ? null : headline.strip(), byline, published, siteName, blank(url),
                language, body.blocks(), body.paragraphs(), declared);
    }

    /** The body's blocks and their paragraphs of text, taken once. */
    private record Body(Element blocks, List<String> paragraphs) {
        static Body of(Element blocks) {
            return new Body(blocks, BodyText.paragraphs(blocks));
        }

        String text() {
            return String.join(" ", paragraphs);
        }
    }

    /**
     * The article's blocks: the first look's, or a lenient second look's when the first found almost nothing or
     * missed most of the article text the page declares ({@link SecondLook}); and when the body kept holds almost
     * none of the words of the page's description, a look guided by them ({@link Guide}).
     */
    private Body body(Document page, Optional<JsonNode> ld, String description, Supplier<Document> again) {
        Body first = Body.of(content.extract(page.body()).body());
        if (again == null) {
            return first;
        }
        SecondLook look = new SecondLook(ld.map(n -> JsonLd.text(n, "articleBody")).map(ArticleExtractor::plain)
                .orElse(null), description == null ? null : plain(description));
        String firstText = first.text();
        boolean lenient = look.wanted(firstText);
        Body kept = first;
        if (lenient) {
            Body second = Body.of(content.extract(again.get().body(), true).body());
            kept = look.prefersSecond(firstText, second.text()) ? second : first;
        }
        String keptText = kept.text();
        if (look.offTopic(keptText)) {
            Body guided = Body.of(content.extract(again.get().body(), lenient, look.described()).body());
            return look.prefersGuided(keptText, guided.text()) ? guided : kept;
        }
        return kept;
    }

    /** Structured data sometimes carries markup or entities in its text. */
    private static String plain(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text() : text;
    }

    /** Every meta tag's content by its property, name, itemprop or http-equiv (lower case); the first wins. */
    private static Map<String, String> metaTags(Document page) {
        Map<String, String> out = new HashMap<>();
        for (Element meta : page.head().getElementsByTag("meta")) {
            String content = meta.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String name = meta.attr(key);
                if (!name.isEmpty()) {
                    out.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        if (out.isEmpty() || !out.containsKey("og:title")) {
            // some pages put their meta tags in the body
            for (Element meta : page.body().getElementsByTag("meta")) {
                String content = meta.attr("content").strip();
                for (String key : new String[] {"property", "name", "itemprop"}) {
                    String name = meta.attr(key);
                    if (!name.isEmpty() && !content.isEmpty()) {
                        out.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                    }
                }
            }
        }
        return out;
    }

    private static String attr(Element page, Evaluator selector, String attribute) {
        Element el = page.selectFirst(selector);
        return el == null ? null : blank(el.attr(attribute));
    }

    private static String text(Element el) {
        return el == null ? null : blank(el.text());
    }

    /**
     * The charset to decode with: the HTTP header's; else UTF-8 when the bytes are valid UTF-8 with some non-ASCII
     * text (a page converted to UTF-8 often still declares its old charset, and valid multi-byte UTF-8 is
     * practically never a legacy encoding); else null, to let the page's own declaration decide.
     */
    private static String charset(SourceDocument doc) {
        String type = doc.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).contains("charset=")) {
            return type.substring(type.toLowerCase(Locale.ROOT).indexOf("charset=") + 8).replace("\"", "").strip();
        }
        return Utf8.isValidWithMultibyte(doc.content()) ? "UTF-8" : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @SafeVarargs
    private static String firstOf(Supplier<String>... values) {
        for (Supplier<String> s : values) {
            String v = s.get();
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
