package org.wiredesk.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.wiredesk.story.Headline;
import org.wiredesk.story.RelativeTime;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * Renders the desk's pages: a signed story page (the house headline, the body exactly as stored, then the source,
 * its URL, the publication time and the desk's disclaimer), a withdrawal notice, and the index of recent posts.
 * Text is escaped; the body is inserted as stored, byte for byte.
 */
public final class PageRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm xxx",
            Locale.ENGLISH);
    private static final DateTimeFormatter VISIBLE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /**
     * Around the stored body on a story page. A sanitized body holds no comments (the sanitizer drops them), so the
     * bytes between the first start and the last end marker are exactly the body as inserted.
     */
    static final String BODY_START = "<!--wd-body-->";
    static final String BODY_END = "<!--/wd-body-->";
    /** The meta tag that marks a withdrawal notice, with the story id as its content. */
    static final String WITHDRAWN = "wd-withdrawn";
    /** Keeps "39 minutes ago" true on a static page; the server-side text is the fallback without scripts. */
    private static final String CLOCK = """
            <script>
            (function () {
              function ago(t) {
                var s = (Date.now() - Date.parse(t)) / 1000, u = [[604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
                if (s < 60) return 'just now';
                for (var i = 0; i < u.length; i++) if (s >= u[i][0]) { var n = Math.floor(s / u[i][0]);
                  return n + ' ' + u[i][1] + (n === 1 ? '' : 's') + ' ago'; }
              }
              function tick() { document.querySelectorAll('time[data-relative]').forEach(function (e) {
                e.textContent = ago(e.getAttribute('datetime')); }); }
              tick(); setInterval(tick, 30000);
            })();
            </script>""";

    private final String storyTemplate = load("story-page.html");
    private final String indexTemplate = load("index-page.html");

    /** One entry of the "Recent Posts" list. */
    public record RecentPost(String headline, String teaser, String href, Instant at) {
    }

    /**
     * A story page: the signed headline, the stored body between {@link #BODY_START} and {@link #BODY_END} exactly
     * as stored, then the source, the signed URL and publication time, and the desk's disclaimer. The signed fields,
     * the key id and the signature stand in the head.
     */
    public String storyPage(Story story, PageSignature signed, boolean correction, String section, String disclaimer,
                            List<RecentPost> recent, Instant now) {
        PageFields fields = signed.fields();
        StringBuilder meta = new StringBuilder();
        if (story.byline() != null) {
            meta.append(text(story.byline())).append(" · ");
        }
        meta.append(text(story.sourceName()));
        if (story.publishedAtSource() != null) {
            meta.append(" · <time datetime=\"").append(story.publishedAtSource()).append("\">")
                    .append(text(PUBLISHED.format(story.publishedAtSource()))).append("</time>");
        }
        String url = "<div>URL: <a class=\"url\" data-wd-url href=\"" + attr(fields.url())
                + "\" rel=\"nofollow noopener\">" + text(fields.url()) + "</a></div>";
        String published = "<div>" + (correction ? "Corrected" : "Published") + ": <time data-wd-published datetime=\""
                + fields.publishedAtText() + "\">" + visibleTime(fields.publishedAt()) + "</time></div>";
        return fill(storyTemplate, Map.ofEntries(
                Map.entry("lang", attr(story.language() == null ? "en" : story.language())),
                Map.entry("signature", signatureMeta(signed)),
                Map.entry("headline", text(fields.headline())),
                Map.entry("section", text(section)),
                // republished reports point search engines at the original, as syndication asks
                Map.entry("canonical", "<link rel=\"canonical\" href=\"" + attr(fields.url()) + "\">"),
                Map.entry("root", "../"),
                Map.entry("meta", meta.toString()),
                Map.entry("sha", fields.bodySha256()),
                Map.entry("body", BODY_START + story.body().html() + BODY_END),
                Map.entry("source", text(story.sourceName())),
                Map.entry("url", url),
                Map.entry("published", published),
                Map.entry("disclaimer", text(disclaimer)),
                Map.entry("recent", recentList(recent, now, "../")),
                Map.entry("clock", CLOCK)));
    }

    /** The page a killed story's address shows from then on: a notice that names the story, and no body. */
    public String withdrawnPage(StoryId id, String section) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"" + WITHDRAWN + "\" content=\"" + id
                + "\"><title>Withdrawn</title></head><body><p>This report has been withdrawn by the " + text(section)
                + " desk.</p></body></html>";
    }

    public String indexPage(String section, String disclaimer, List<RecentPost> recent, Instant now) {
        return fill(indexTemplate, Map.of("section", text(section), "disclaimer", text(disclaimer),
                "recent", recentList(recent, now, ""), "clock", CLOCK));
    }

    /**
     * Where a story's page lives, relative to the site root: made from the story's id and the headline of its first
     * publication, so a correction keeps the address. Only {@code [a-z0-9-]} comes from the headline.
     */
    public static String slugPath(StoryId id, Headline firstHeadline) {
        String ascii = Normalizer.normalize(firstHeadline.text(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return "stories/" + id.value() + (ascii.isEmpty() ? "" : "-" + ascii) + ".html";
    }

    /** The bytes a page holds between its body markers: the stored body as inserted, if the markers are there. */
    static Optional<String> insertedBody(String pageHtml) {
        int start = pageHtml.indexOf(BODY_START);
        int end = pageHtml.lastIndexOf(BODY_END);
        if (start < 0 || end < start + BODY_START.length()) {
            return Optional.empty();
        }
        return Optional.of(pageHtml.substring(start + BODY_START.length(), end));
    }

    /** The publication time as the page shows it to readers. */
    static String visibleTime(Instant at) {
        return VISIBLE_TIME.format(at);
    }

    private static String signatureMeta(PageSignature signed) {
        PageFields f = signed.fields();
        StringBuilder html = new StringBuilder();
        String[][] tags = {{PageFields.META_FORMAT, PageFields.FORMAT}, {PageFields.META_STORY_ID, f.id().toString()},
                {PageFields.META_HEADLINE, f.headline()}, {PageFields.META_BODY_SHA256, f.bodySha256()},
                {PageFields.META_BODY_HTML_SHA256, f.bodyHtmlSha256()}, {PageFields.META_URL, f.url()},
                {PageFields.META_PUBLISHED_AT, f.publishedAtText()}, {PageFields.META_KEY_ID, signed.keyId()},
                {PageFields.META_SIGNATURE, signed.signatureBase64()}};
        for (String[] tag : tags) {
            html.append("<meta name=\"").append(tag[0]).append("\" content=\"").append(attr(tag[1])).append("\">\n");
        }
        return html.toString().strip();
    }

    private static String recentList(List<RecentPost> recent, Instant now, String root) {
        if (recent.isEmpty()) {
            return "<p>Nothing published yet.</p>";
        }
        StringBuilder html = new StringBuilder("<ol>\n");
        for (RecentPost post : recent) {
            html.append("<li><a href=\"").append(attr(root + post.href())).append("\">")
                    .append(text(post.headline())).append("</a>");
            if (!post.teaser().isBlank()) {
                html.append("<p>").append(text(post.teaser())).append("</p>");
            }
            html.append("<time data-relative datetime=\"").append(post.at()).append("\" title=\"")
                    .append(post.at()).append("\">").append(RelativeTime.between(post.at(), now))
                    .append("</time></li>\n");
        }
        return html.append("</ol>").toString();
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 8192);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("template placeholder without a value: " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String s) {
        return Entities.escape(s);
    }

    private static String attr(String s) {
        return Entities.escape(s).replace("\"", "&quot;");
    }

    private static String load(String name) {
        try (InputStream in = PageRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing page template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
