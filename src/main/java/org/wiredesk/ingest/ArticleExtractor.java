package org.wiredesk.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an article page: headline, byline, time, site, canonical address and language from the page's
 * structured data first (JSON-LD, OpenGraph, meta tags), then its body from the content itself.
 */
public final class ArticleExtractor {
    private final ContentExtractor content = new ContentExtractor();

    public Article extract(SourceDocument doc) {
        String base = doc.location() == null ? "" : doc.location().toString();
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(doc.content()), charset(doc), base));
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes already in memory cannot fail", e);
        }
    }

    public Article extract(Document page) {
        Optional<JsonNode> ld = JsonLd.article(page);
        String siteName = first(meta(page, "og:site_name"),
                ld.map(n -> n.has("publisher") ? JsonLd.text(n, "publisher") : null).orElse(null),
                meta(page, "application-name"));
        String byline = first(ld.map(JsonLd::authors).orElse(null), meta(page, "author"),
                meta(page, "article:author"), text(page.selectFirst("[rel=author], .byline, [itemprop=author]")));
        if (byline != null && byline.startsWith("http")) {
            byline = null;
        }
        OffsetDateTime published = DateParser.parse(first(ld.map(n -> JsonLd.text(n, "datePublished")).orElse(null),
                meta(page, "article:published_time"), meta(page, "datePublished"), meta(page, "pubdate"),
                meta(page, "date"), meta(page, "dc.date"), attr(page, "time[datetime]", "datetime"))).orElse(null);
        String url = first(attr(page, "link[rel=canonical]", "abs:href"), meta(page, "og:url"),
                ld.map(n -> JsonLd.text(n, "url")).orElse(null), page.location());
        String headline = HeadlineChooser.choose(new HeadlineChooser.Candidates(
                ld.map(n -> JsonLd.text(n, "headline")).orElse(null), meta(page, "og:title"),
                meta(page, "twitter:title"), page.title(), page.select("h1").eachText(),
                page.select("h1, h2").eachText()));
        if (siteName == null) {
            siteName = FeedReader.hostOf(url);
        }
        String language = first(attr(page, "html[lang]", "lang"), meta(page, "content-language"),
                meta(page, "og:locale"), ld.map(n -> JsonLd.text(n, "inLanguage")).orElse(null));
        String body = content.extract(page.body());
        boolean declared = ld.isPresent() || "article".equalsIgnoreCase(meta(page, "og:type"))
                || published != null;
        return new Article(headline == null ? null : headline.strip(), byline, published, siteName, blank(url),
                language, body, declared);
    }

    private static String meta(Document page, String name) {
        for (Element meta : page.select("meta[content]")) {
            if (name.equalsIgnoreCase(meta.attr("property")) || name.equalsIgnoreCase(meta.attr("name"))
                    || name.equalsIgnoreCase(meta.attr("itemprop")) || name.equalsIgnoreCase(meta.attr("http-equiv"))) {
                String value = meta.attr("content").strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String attr(Document page, String selector, String attribute) {
        Element el = page.selectFirst(selector);
        return el == null ? null : blank(el.attr(attribute));
    }

    private static String text(Element el) {
        return el == null ? null : blank(el.text());
    }

    private static String charset(SourceDocument doc) {
        String type = doc.contentType();
        if (type != null && type.toLowerCase().contains("charset=")) {
            return type.substring(type.toLowerCase().indexOf("charset=") + 8).replace("\"", "").strip();
        }
        return null;
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
}
