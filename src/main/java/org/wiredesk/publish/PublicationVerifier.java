package org.wiredesk.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.wiredesk.ingest.BodyText;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Story;

/**
 * Proves a publication carries the body exactly as ingested: the stored body still has the text its
 * fingerprint was taken of, and the rendered page holds those bytes and that text, unchanged.
 */
public final class PublicationVerifier {
    static final String BODY_SELECTOR = "[data-wd-body]";

    /** Refuses a story whose stored body no longer matches its fingerprint. */
    public void verifyStored(Story story) {
        if (!BodyText.matches(story.body())) {
            throw new PublicationRefusedException("Story " + story.id() + " was not published: its body no longer "
                    + "matches the fingerprint taken at ingest (" + story.body().sha256().substring(0, 12)
                    + "…). Something changed the stored content.");
        }
    }

    /** Refuses a rendered page that does not carry the stored body byte for byte and text for text. */
    public void verifyPage(Story story, String pageHtml) {
        verifyStored(story);
        if (!pageHtml.contains(story.body().html())) {
            throw new PublicationRefusedException("Story " + story.id() + " was not published: the page does not "
                    + "carry the stored body HTML unchanged.");
        }
        Element body = Jsoup.parse(pageHtml).selectFirst(BODY_SELECTOR);
        if (body == null) {
            throw new PublicationRefusedException("Story " + story.id() + " was not published: the page has no body.");
        }
        String pageSha = Fingerprint.ofText(body.text());
        if (!pageSha.equals(story.body().sha256()) || !pageSha.equals(body.attr("data-wd-body"))) {
            throw new PublicationRefusedException("Story " + story.id() + " was not published: the page's body "
                    + "text differs from the text ingested.");
        }
    }
}
