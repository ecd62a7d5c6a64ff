package org.wiredesk.publish;

/**
 * Where each file of the site stands, relative to its root. Story pages and their ninjs documents are in
 * {@code stories/}, named by {@link PageRenderer#slugPath}; the index is the newest page of the listing and
 * {@code archive/N.html} the older ones.
 */
final class SiteLayout {
    static final String INDEX = "index.html";
    static final String ARCHIVE = "archive";
    static final String RSS = "feed.xml";
    static final String ATOM = "atom.xml";
    static final String SITEMAP = "sitemap.xml";
    static final String STYLE = "site.css";
    static final String STORIES = "stories";
    /** Stories on one listing page, and in each feed. */
    static final int PER_PAGE = 50;

    private SiteLayout() {
    }

    /** Listing page {@code n} (1 is the index). */
    static String listing(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("listing pages count from 1: " + n);
        }
        return n == 1 ? INDEX : ARCHIVE + "/" + n + ".html";
    }

    /** How many listing pages {@code stories} stories fill (one, empty, when there are none). */
    static int listingPages(int stories) {
        return Math.max(1, (stories + PER_PAGE - 1) / PER_PAGE);
    }

    /** The ninjs document beside a story page. */
    static String ninjs(String page) {
        return page.substring(0, page.length() - ".html".length()) + ".json";
    }

    /** The way from a file back to the site root, for relative links: "" at the root, "../" one folder down. */
    static String root(String sitePath) {
        return "../".repeat((int) sitePath.chars().filter(c -> c == '/').count());
    }
}
