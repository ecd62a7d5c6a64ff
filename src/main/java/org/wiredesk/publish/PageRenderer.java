package org.wiredesk.publish;

import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * Renders a story's page: the signed headline, the body exactly as stored, then the source, its URL, when the desk
 * published it (and, after a correction, when it was updated, with a dated note for each correction), in the site's
 * frame ({@link PageLayout}); or, once it is killed, the withdrawal notice at the same address. Text is escaped;
 * the body is inserted as stored, byte for byte.
 */
public final class PageRenderer {
    private static final DateTimeFormatter AT_SOURCE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm xxx",
            Locale.ENGLISH);
    /**
     * Around the stored body on a story page. A sanitized body holds no comments (the sanitizer drops them), so the
     * bytes between the first start and the last end marker are exactly the body as inserted.
     */
    static final String BODY_START = "<!--wd-body-->";
    static final String BODY_END = "<!--/wd-body-->";
    /** The meta tag that marks a withdrawal notice, with the story id as its content. */
    static final String WITHDRAWN = "wd-withdrawn";

    private final String article = Html.load("story-page.html");
    private final PageLayout layout;

    PageRenderer(PageLayout layout) {
        this.layout = layout;
    }

    /** One entry of "Recent Posts": {@code href} is relative to the site root, {@code at} the first publication. */
    public record RecentPost(String headline, String teaser, String href, Instant at) {
    }

    /**
     * A story page signed with {@code signed}, whose fields must be {@code story}'s ({@link SiteStory#fields()}).
     * The signed fields, the key id and the signature stand in the head; {@code recent} should not hold the story.
     */
    String storyPage(SiteStory story, PageSignature signed, SiteIdentity site, List<RecentPost> recent, Instant now) {
        PageFields fields = signed.fields();
        Story s = story.story();
        String main = Html.fill(article, Map.of(
                "section", Html.text(site.section()),
                "headline", Html.text(fields.headline()),
                "meta", meta(s),
                "sha", fields.bodySha256(),
                "body", BODY_START + s.body().html() + BODY_END,
                "source", Html.text(s.sourceName()),
                "url", "<p>URL: <a class=\"url\" data-wd-url href=\"" + Html.attr(fields.url())
                        + "\" rel=\"nofollow noopener\">" + Html.text(fields.url()) + "</a>"
                        + (s.webAddress().isEmpty() ? " <span class=\"credit-note\">(the agency's address: this "
                                + "report has no web page of its own)</span>" : "") + "</p>",
                "published", published(story, fields),
                "corrections", corrections(story.corrections())));
        String head = signatureMeta(signed)
                // republished reports point search engines at the original, as syndication asks; an agency's credit
                // address is not the report's original, so a report without a page of its own names none
                + (s.webAddress().isEmpty() ? "" : "\n<link rel=\"canonical\" href=\"" + Html.attr(fields.url()) + "\">")
                + "\n<link rel=\"alternate\" type=\"application/json\" title=\"ninjs\" href=\""
                + Html.attr(SiteLayout.root(story.page()) + story.ninjs()) + "\">";
        return layout.render(new PageLayout.Page(story.page(), s.language() == null ? "en" : s.language(), head,
                fields.headline() + " — " + site.label(), main, recent), site, now);
    }

    /** The page a killed story's address shows from then on: a dated notice, and neither body nor headline. */
    String withdrawnPage(SiteStory story, SiteIdentity site, List<RecentPost> recent, Instant now) {
        Instant killed = story.killedAt().orElseThrow(() -> new IllegalArgumentException(
                "story " + story.id() + " was not killed"));
        String main = "<p class=\"section\">" + Html.text(site.section()) + "</p>\n<h1>Report withdrawn</h1>\n"
                + "<p class=\"notice\">This report has been withdrawn by the " + Html.text(site.label())
                + " desk.</p>\n<p>It was published on " + time(story.publishedAt()) + " and withdrawn on "
                + time(killed) + ".</p>";
        String head = "<meta name=\"" + WITHDRAWN + "\" content=\"" + story.id() + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">";
        return layout.render(new PageLayout.Page(story.page(), "en", head, "Report withdrawn — " + site.label(),
                main, recent), site, now);
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
        return SiteLayout.STORIES + "/" + id.value() + (ascii.isEmpty() ? "" : "-" + ascii) + ".html";
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
        return SiteTime.visible(at);
    }

    private static String meta(Story story) {
        StringBuilder meta = new StringBuilder();
        if (story.byline() != null) {
            meta.append(Html.text(story.byline())).append(" · ");
        }
        meta.append(Html.text(story.sourceName()));
        if (story.publishedAtSource() != null) {
            meta.append(" · <time datetime=\"").append(story.publishedAtSource()).append("\">")
                    .append(Html.text(AT_SOURCE.format(story.publishedAtSource()))).append("</time>");
        }
        return meta.toString();
    }

    /**
     * When the desk published the story and, after a correction, when it was updated. The signed time (the latest
     * publication or correction) is the one marked {@code data-wd-published}, as {@link PageVerifier} reads it.
     */
    private static String published(SiteStory story, PageFields fields) {
        String signed = "<time data-wd-published datetime=\"" + fields.publishedAtText() + "\">"
                + visibleTime(fields.publishedAt()) + "</time>";
        if (story.updatedAt().isEmpty()) {
            return "<p>Published: " + signed + "</p>";
        }
        return "<p>Published: " + time(story.publishedAt()) + "</p>\n<p>Updated: " + signed + "</p>";
    }

    private static String corrections(List<SiteStory.Correction> corrections) {
        if (corrections.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section class=\"corrections\" data-wd-corrections>\n"
                + "<h2>Corrections</h2>\n<ul>\n");
        for (SiteStory.Correction c : corrections) {
            String note = c.note().strip();
            html.append("<li><strong>Corrected ").append(time(c.at())).append("</strong>");
            if (!note.isEmpty()) {
                html.append(": ").append(Html.text(note)).append(note.matches(".*[.!?]$") ? "" : ".");
            }
            html.append(" The headline was “").append(Html.text(c.previousHeadline())).append("”.</li>\n");
        }
        return html.append("</ul>\n</section>").toString();
    }

    private static String time(Instant at) {
        return "<time datetime=\"" + at + "\">" + visibleTime(at) + "</time>";
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
            html.append("<meta name=\"").append(tag[0]).append("\" content=\"").append(Html.attr(tag[1]))
                    .append("\">\n");
        }
        return html.toString().strip();
    }
}
