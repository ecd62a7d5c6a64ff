package org.wiredesk.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The frame every page of the site stands in: the outlet's and section's name over it, the disclaimer naming the
 * outlet under its content, Recent Posts beside it where the page has them, links to the feeds, the sitemap and
 * the desk's key, and the clock script. All links are relative, so the site works from any folder or address.
 */
final class PageLayout {
    private final String template = Html.load("page.html");

    /** What differs from page to page; {@code recent} is null on pages without Recent Posts (the listings). */
    record Page(String path, String lang, String head, String title, String main,
                List<PageRenderer.RecentPost> recent) {
    }

    String render(Page page, SiteIdentity site, Instant now) {
        String root = SiteLayout.root(page.path());
        return Html.fill(template, Map.ofEntries(
                Map.entry("lang", Html.attr(page.lang())),
                Map.entry("head", page.head()),
                Map.entry("title", Html.text(page.title())),
                Map.entry("root", root),
                Map.entry("label", Html.text(site.label())),
                Map.entry("outlet", Html.text(site.outlet())),
                Map.entry("section", Html.text(site.section())),
                Map.entry("main", page.main()),
                Map.entry("disclaimer", Html.text(site.disclaimer())),
                Map.entry("aside", page.recent() == null ? "" : aside(page.recent(), root, now)),
                Map.entry("clock", SiteTime.CLOCK)));
    }

    /** Recent Posts as in the seed page: headline, an excerpt, and how long ago. */
    static String aside(List<PageRenderer.RecentPost> recent, String root, Instant now) {
        StringBuilder html = new StringBuilder("<aside>\n<h2>Recent Posts</h2>\n");
        if (recent.isEmpty()) {
            return html.append("<p>Nothing else published yet.</p>\n</aside>").toString();
        }
        html.append("<ol>\n");
        for (PageRenderer.RecentPost post : recent) {
            html.append("<li><a href=\"").append(Html.attr(root + post.href())).append("\">")
                    .append(Html.text(post.headline())).append("</a>");
            if (!post.teaser().isBlank()) {
                html.append("<p>").append(Html.text(post.teaser())).append("</p>");
            }
            html.append(SiteTime.relativeElement(post.at(), now)).append("</li>\n");
        }
        return html.append("</ol>\n</aside>").toString();
    }
}
