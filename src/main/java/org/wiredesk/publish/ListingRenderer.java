package org.wiredesk.publish;

import java.time.Instant;
import java.util.List;

/**
 * The listing of the site's stories, newest first, {@value SiteLayout#PER_PAGE} to a page: the index is the first
 * page, {@code archive/N.html} the older ones, each linked to its neighbours (rel prev and next).
 */
final class ListingRenderer {
    private final PageLayout layout;

    ListingRenderer(PageLayout layout) {
        this.layout = layout;
    }

    /** Listing page {@code number} of {@code pages}, holding {@code stories} (already the right slice). */
    String page(int number, int pages, List<SiteStory> stories, SiteIdentity site, Instant now) {
        String path = SiteLayout.listing(number);
        String root = SiteLayout.root(path);
        StringBuilder main = new StringBuilder("<h1>").append(Html.text(site.label())).append("</h1>\n");
        if (number > 1) {
            main.append("<p>Older reports, page ").append(number).append(" of ").append(pages).append(".</p>\n");
        }
        if (stories.isEmpty()) {
            main.append("<p>Nothing published yet.</p>\n");
        } else {
            main.append("<ol class=\"stories\">\n");
            stories.forEach(s -> main.append(entry(s, root, now)));
            main.append("</ol>\n");
        }
        main.append(paging(number, pages, root));
        String head = (number > 1 ? link("prev", root + SiteLayout.listing(number - 1)) : "")
                + (number < pages ? link("next", root + SiteLayout.listing(number + 1)) : "");
        String title = number == 1 ? site.label() : site.label() + " — page " + number;
        return layout.render(new PageLayout.Page(path, "en", head.strip(), title, main.toString().strip(), null),
                site, now);
    }

    private static String entry(SiteStory s, String root, Instant now) {
        StringBuilder html = new StringBuilder("<li><h2><a href=\"").append(Html.attr(root + s.page())).append("\">")
                .append(Html.text(s.headline())).append("</a></h2>");
        String excerpt = s.excerpt();
        if (!excerpt.isBlank()) {
            html.append("<p>").append(Html.text(excerpt)).append("</p>");
        }
        html.append("<p>").append(SiteTime.relativeElement(s.publishedAt(), now));
        s.updatedAt().ifPresent(at -> html.append(" · updated ").append(SiteTime.relativeElement(at, now)));
        return html.append("</p></li>\n").toString();
    }

    private static String paging(int number, int pages, String root) {
        if (pages == 1) {
            return "";
        }
        StringBuilder nav = new StringBuilder("<nav class=\"pages\" aria-label=\"Pages\">");
        nav.append(number > 1 ? "<a rel=\"prev\" href=\"" + root + SiteLayout.listing(number - 1)
                + "\">← Newer reports</a>" : "<span></span>");
        nav.append("<span>Page ").append(number).append(" of ").append(pages).append("</span>");
        nav.append(number < pages ? "<a rel=\"next\" href=\"" + root + SiteLayout.listing(number + 1)
                + "\">Older reports →</a>" : "<span></span>");
        return nav.append("</nav>\n").toString();
    }

    private static String link(String rel, String href) {
        return "<link rel=\"" + rel + "\" href=\"" + href + "\">\n";
    }
}
