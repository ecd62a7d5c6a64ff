package org.wiredesk.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.wiredesk.story.AgencyMeta;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) feeds with ROME; what ROME refuses as malformed is read again
 * by a tolerant parser, so a slightly broken feed still yields its items.
 */
public final class FeedReader {

    /** The items of a feed document, in feed order. */
    public List<WireItem> read(SourceDocument doc) throws NotIngestibleException {
        List<WireItem> items;
        try {
            items = strict(doc);
        } catch (Exception strictFailure) {
            items = tolerant(doc);
            if (items == null) {
                throw new NotIngestibleException("not a feed: " + firstLine(strictFailure.getMessage()),
                        strictFailure);
            }
        }
        return items.stream().map(FeedReader::withWindows1252Controls).toList();
    }

    /**
     * The item with the C1 controls windows-1252 defines read as its characters (Mojibake): a feed's {@code &#146;}
     * is U+0092 to an XML parser but "’" to the HTML its writer meant, as it is to every browser and feed reader.
     */
    private static WireItem withWindows1252Controls(WireItem item) {
        return new WireItem(item.guid(), item.url(), Mojibake.windows1252Controls(item.sourceName()),
                Mojibake.windows1252Controls(item.headline()), Mojibake.windows1252Controls(item.bodyHtml()),
                item.baseUri(), Mojibake.windows1252Controls(item.byline()), item.language(), item.published(),
                item.embargo(), item.embargoStated(), item.agency());
    }

    private List<WireItem> strict(SourceDocument doc) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        // decoded by the desk's own order (Charsets), not ROME's XmlReader, so feeds and pages read charsets alike;
        // the parser is handed characters, and ignores the encoding the declaration names
        try (Reader reader = new StringReader(decode(doc))) {
            feed = input.build(reader);
        }
        String feedTitle = text(feed.getTitle());
        String base = feed.getLink() != null ? feed.getLink() : location(doc);
        List<WireItem> out = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        // ROME hands dates over as java.util.Date, which drops the zone the feed wrote; read the text again, and
        // the embargo a wire feed states in an element of its own, which ROME does not model
        List<Element> raw = rawItems(doc);
        boolean aligned = raw.size() == entries.size();
        // items that cannot be matched to their embargoes are all taken as stating one that cannot be read
        boolean embargoUnmatched = !aligned && raw.stream().anyMatch(item -> embargoText(item) != null);
        AgencyMeta format = formatOnly(feed.getFeedType() != null && feed.getFeedType().startsWith("atom")
                ? "atom" : "rss");
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            String link = link(entry);
            String body = body(entry);
            String source = entry.getSource() != null && entry.getSource().getTitle() != null
                    ? text(entry.getSource().getTitle()) : feedTitle;
            out.add(new WireItem(blankToNull(entry.getUri()), link, sourceName(source, link, doc),
                    text(entry.getTitle()), body, link != null ? link : base, blankToNull(entry.getAuthor()),
                    blankToNull(feed.getLanguage()), published(entry, aligned ? rawDate(raw.get(i)) : null),
                    aligned ? embargo(raw.get(i)) : null,
                    aligned ? embargoText(raw.get(i)) : embargoUnmatched ? "(not matched to its item)" : null,
                    format));
        }
        return out;
    }

    private static OffsetDateTime published(SyndEntry entry, String raw) {
        OffsetDateTime fromRome = time(entry.getPublishedDate() != null ? entry.getPublishedDate()
                : entry.getUpdatedDate());
        OffsetDateTime fromText = DateParser.parse(raw).orElse(null);
        if (fromText != null && (fromRome == null || fromText.toInstant().equals(fromRome.toInstant()))) {
            return fromText;
        }
        return fromRome;
    }

    /** An item's title as text (it may hold markup), or null when it has none: never the word "null". */
    private static String titleText(String title) {
        return title == null ? null : Jsoup.parse(title).text();
    }

    /** Each item as the feed wrote it, in item order. */
    private static List<Element> rawItems(SourceDocument doc) {
        return Jsoup.parse(decode(doc), "", Parser.xmlParser()).select("item, entry");
    }

    /**
     * The embargo an item states, in an element of its own named {@code embargoed} or {@code embargo} in any
     * namespace (as NewsML-G2's {@code embargoed} and agencies' RSS extensions name it), with a date a feed would
     * write; null when there is none or its date cannot be read (the desk chief can still set one).
     */
    static OffsetDateTime embargo(Element item) {
        String text = embargoText(item);
        return text == null ? null : DateParser.parse(text).orElse(null);
    }

    /** The text of the item's embargo element, or null when it has none. */
    static String embargoText(Element item) {
        for (Element child : item.children()) {
            String name = child.tagName().toLowerCase(Locale.ROOT);
            String local = name.substring(name.indexOf(':') + 1);
            if (local.equals("embargoed") || local.equals("embargo")) {
                return child.text().strip();
            }
        }
        return null;
    }

    private static String rawDate(Element item) {
        return firstNonNull(childText(item, "pubDate"), childText(item, "published"), childText(item, "dc|date"),
                childText(item, "updated"), childText(item, "issued"), childText(item, "modified"));
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || "alternate".equals(link.getRel())) {
                return link.getHref();
            }
        }
        return null;
    }

    /**
     * The entry's content: one of them. An Atom 0.3 entry may carry several, each the same text in another format
     * (multipart/alternative), so joining them doubled the body and glued the last word of one to the first of the
     * next; the first in HTML is taken, else the first that has text. Without content, the description.
     */
    private static String body(SyndEntry entry) {
        SyndContent chosen = null;
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() == null || content.getValue().isBlank()) {
                continue;
            }
            if (chosen == null || (!isHtml(chosen) && isHtml(content))) {
                chosen = content;
            }
        }
        if (chosen == null) {
            chosen = entry.getDescription();
        }
        return chosen == null ? "" : asHtml(chosen);
    }

    private static boolean isHtml(SyndContent content) {
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.contains("html"); // html, xhtml, text/html, application/xhtml+xml
    }

    private static String asHtml(SyndContent content) {
        String value = content.getValue() == null ? "" : content.getValue();
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return textToHtml(value);
        }
        return value;
    }

    /** Tolerant reading over Jsoup's XML parser; null when the document is not a feed at all. */
    private List<WireItem> tolerant(SourceDocument doc) {
        String xml = decode(doc).replaceFirst("(?s)^\\s*<!--.*?-->", "");
        Document d = Jsoup.parse(xml, location(doc), Parser.xmlParser());
        Element root = d.children().isEmpty() ? null : d.child(0);
        if (root == null || !root.tagName().toLowerCase(Locale.ROOT).matches("rss|feed|rdf:rdf|rdf|channel")) {
            return null;
        }
        String feedTitle = childText(root.selectFirst("channel"), "title");
        if (feedTitle == null) {
            feedTitle = childText(root, "title");
        }
        List<WireItem> out = new ArrayList<>();
        AgencyMeta format = formatOnly(root.tagName().equalsIgnoreCase("feed") ? "atom" : "rss");
        for (Element item : root.select("item, entry")) {
            String link = childText(item, "link");
            if (link == null) {
                Element linkEl = item.selectFirst("link[href]");
                link = linkEl == null ? null : linkEl.attr("href");
            }
            String guid = firstNonNull(childText(item, "guid"), childText(item, "id"));
            String body = firstNonNull(childText(item, "content|encoded"), childText(item, "content"),
                    childText(item, "description"), childText(item, "summary"));
            String published = rawDate(item);
            out.add(new WireItem(guid != null ? guid : link, link, sourceName(feedTitle, link, doc),
                    titleText(childText(item, "title")), body == null ? "" : body,
                    link != null ? link : location(doc), firstNonNull(childText(item, "author"),
                    childText(item, "dc|creator")), null,
                    DateParser.parse(published).orElse(null), embargo(item), embargoText(item), format));
        }
        return out;
    }

    /** What a format without agency metadata says: only which format it is. */
    static AgencyMeta formatOnly(String format) {
        return new AgencyMeta(format, null, null, false, null, List.of());
    }

    private static String childText(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Element child : parent.children()) {
            if (child.tagName().equalsIgnoreCase(tag.replace('|', ':'))) {
                String value = child.children().isEmpty() ? child.wholeText() : child.html();
                return value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    /** The feed's text, decoded as {@link Charsets} decides. */
    static String decode(SourceDocument doc) {
        return Charsets.decode(doc);
    }

    static String sourceName(String feedTitle, String link, SourceDocument doc) {
        if (feedTitle != null && !feedTitle.isBlank()) {
            return Jsoup.parse(feedTitle).text();
        }
        String host = hostOf(link != null ? link : location(doc));
        return host != null ? host : "Unknown source";
    }

    static String hostOf(String address) {
        try {
            String host = address == null ? null : URI.create(address.strip()).getHost();
            return host == null ? null : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String location(SourceDocument doc) {
        return doc.location() == null ? "" : doc.location().toString();
    }

    private static String text(String maybeHtml) {
        return maybeHtml == null ? "" : Jsoup.parse(maybeHtml).text();
    }

    static String textToHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String para : text.split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
            }
        }
        return html.toString();
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
