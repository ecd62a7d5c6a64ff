package org.wiredesk.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;
import org.wiredesk.story.RelativeTime;
import org.wiredesk.story.Story;

/**
 * Renders the desk's pages: a story page (the house headline, the body exactly as stored, then the source,
 * its URL and the desk's disclaimer) and the index of recent posts. Text is escaped; the body is inserted as
 * stored, byte for byte.
 */
public final class PageRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm xxx",
            Locale.ENGLISH);
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

    public String storyPage(Story story, String section, String disclaimer, List<RecentPost> recent, Instant now,
                            String notice) {
        String url = story.url() == null ? "" : "<div>URL: <a class=\"url\" data-wd-url href=\"" + attr(story.url().toString())
                + "\" rel=\"nofollow noopener\">" + text(story.url().toString()) + "</a></div>";
        StringBuilder meta = new StringBuilder();
        if (story.byline() != null) {
            meta.append(text(story.byline())).append(" · ");
        }
        meta.append(text(story.sourceName()));
        if (story.publishedAtSource() != null) {
            meta.append(" · <time datetime=\"").append(story.publishedAtSource()).append("\">")
                    .append(text(PUBLISHED.format(story.publishedAtSource()))).append("</time>");
        }
        return fill(storyTemplate, Map.ofEntries(
                Map.entry("lang", attr(story.language() == null ? "en" : story.language())),
                Map.entry("headline", text(story.runningHeadline().text())),
                Map.entry("section", text(section)),
                // republished reports point search engines at the original, as syndication asks
                Map.entry("canonical", story.url() == null ? ""
                        : "<link rel=\"canonical\" href=\"" + attr(story.url().toString()) + "\">"),
                Map.entry("root", "../"),
                Map.entry("meta", meta.toString()),
                Map.entry("notice", notice == null ? "" : "<p class=\"notice\">" + text(notice) + "</p>"),
                Map.entry("sha", story.body().sha256()),
                Map.entry("body", story.body().html()),
                Map.entry("source", text(story.sourceName())),
                Map.entry("url", url),
                Map.entry("disclaimer", text(disclaimer)),
                Map.entry("recent", recentList(recent, now, "../")),
                Map.entry("clock", CLOCK)));
    }

    public String indexPage(String section, String disclaimer, List<RecentPost> recent, Instant now) {
        return fill(indexTemplate, Map.of("section", text(section), "disclaimer", text(disclaimer),
                "recent", recentList(recent, now, ""), "clock", CLOCK));
    }

    /** Where a story's page lives, relative to the site root. */
    public static String slugPath(Story story) {
        String ascii = Normalizer.normalize(story.runningHeadline().text(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return "stories/" + story.id() + (ascii.isEmpty() ? "" : "-" + ascii) + ".html";
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
