package org.wiredesk.publish;

import java.net.URI;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.ingest.HtmlSanitizer;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Story;

/**
 * Proves a publication carries the body exactly as ingested under the approved headline: the publisher re-checks
 * what it read back from the store before it writes a page, and the page it rendered before it writes it. Each
 * refusal is one sentence, which is also the reason a held story carries.
 */
public final class PublicationVerifier {
    static final String BODY_SELECTOR = "[data-wd-body]";

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final PageVerifier pages = new PageVerifier();

    /** Refuses a story whose stored body no longer matches its text fingerprint, or whose source cannot run. */
    public void verifyStored(Story story) {
        verifyStored(story, Optional.empty());
    }

    /**
     * Refuses a story the publisher cannot stand behind: its stored body no longer has the text its fingerprint was
     * taken of, is not what the sanitizer makes of it (something added a tag or attribute ingest would never keep),
     * or, where the markup fingerprint taken at ingest is known, differs from it by a single byte; or its source URL
     * is missing or not an absolute http or https address.
     */
    public void verifyStored(Story story, Optional<String> expectedMarkupSha256) {
        String html = story.body().html();
        if (!BodyText.matches(story.body())) {
            throw refused(story, "its body no longer matches the fingerprint taken at ingest ("
                    + story.body().sha256().substring(0, 12) + "…): something changed the stored content");
        }
        String again = sanitizer.sanitize(html, "");
        if (!again.equals(html)) {
            throw refused(story, "its stored body is not what the sanitizer makes of it (first difference at "
                    + "character " + firstDifference(html, again) + "): something added markup ingest never keeps");
        }
        if (expectedMarkupSha256.isPresent() && !expectedMarkupSha256.get().equals(Fingerprint.ofHtml(html))) {
            throw refused(story, "its body's markup differs from the markup fingerprint taken at ingest ("
                    + expectedMarkupSha256.get().substring(0, Math.min(12, expectedMarkupSha256.get().length()))
                    + "…): a link or tag was changed in the store");
        }
        requireWebUrl(story);
    }

    /**
     * Refuses a rendered page unless it runs the approved headline, holds the stored body byte for byte between its
     * markers and text for text, and its signed fields are the story's and verify with the desk's public key alone.
     */
    public void verifyPage(Story story, String pageHtml, Headline approvedHeadline, PublicKey deskKey) {
        String html = story.body().html();
        if (!PageRenderer.insertedBody(pageHtml).map(html::equals).orElse(false)) {
            throw refused(story, "the page does not carry the stored body HTML unchanged");
        }
        Document page = Jsoup.parse(pageHtml);
        Element body = page.selectFirst(BODY_SELECTOR);
        if (body == null || !Fingerprint.ofText(body.text()).equals(story.body().sha256())) {
            throw refused(story, "the page's body text differs from the text ingested");
        }
        Element shown = page.selectFirst("[data-wd-headline]");
        if (shown == null || !Fingerprint.normalize(shown.text()).equals(approvedHeadline.text())) {
            throw refused(story, "the headline on the page differs from the approved headline «"
                    + approvedHeadline.text() + "»");
        }
        PageCheck check = pages.check(pageHtml, deskKey);
        if (!check.verified()) {
            throw refused(story, "the page does not verify with the desk's public key: "
                    + String.join("; ", check.differences()));
        }
        PageFields signed = check.signature().orElseThrow().fields();
        if (!signed.id().equals(story.id()) || !signed.headline().equals(approvedHeadline.text())
                || !signed.bodySha256().equals(story.body().sha256())
                || !signed.bodyHtmlSha256().equals(Fingerprint.ofHtml(html))
                || !signed.url().equals(story.pageAddress().map(Object::toString).orElse(""))) {
            throw refused(story, "the page's signed fields are not the story's own");
        }
    }

    /**
     * Refuses a story whose pages would have no address to print under its source: neither a web page of its own
     * nor a credit address its approval bound (ADR 19).
     */
    static void requireWebUrl(Story story) {
        if (story.pageAddress().isPresent()) {
            return;
        }
        URI url = story.url();
        if (url == null) {
            throw refused(story, "it has no source URL and its approval bound no credit address, and every page "
                    + "must end with its source and URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getHost().isBlank()) {
            String shown = url.toString();
            throw refused(story, "its source URL «" + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown)
                    + "» is not an absolute http or https address");
        }
    }

    private static PublicationRefusedException refused(Story story, String why) {
        return new PublicationRefusedException("Story " + story.id() + " was not published: " + why + ".");
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
