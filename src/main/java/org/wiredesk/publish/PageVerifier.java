package org.wiredesk.publish;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.StoryId;

/**
 * Checks a published story page with nothing but the desk's public key: the signature over the page's signed
 * fields (see {@link PageFields}), and that what the page shows (headline, body text, body markup, URL, time) is
 * what was signed. Each difference is reported in one sentence.
 */
public final class PageVerifier {
    private static final String[] FIELDS = {PageFields.META_STORY_ID, PageFields.META_HEADLINE,
            PageFields.META_BODY_SHA256, PageFields.META_BODY_HTML_SHA256, PageFields.META_URL,
            PageFields.META_PUBLISHED_AT, PageFields.META_KEY_ID, PageFields.META_SIGNATURE};

    /** Checks one page's HTML against the desk's public key. */
    public PageCheck check(String pageHtml, PublicKey deskKey) {
        Document page = Jsoup.parse(pageHtml);
        List<String> differences = new ArrayList<>();
        Optional<PageSignature> signature = readSignature(page, differences);
        if (signature.isEmpty()) {
            return new PageCheck(signature, differences);
        }
        PageSignature signed = signature.get();
        if (!signed.isValidFor(deskKey)) {
            String deskId = DeskKeys.keyId(deskKey);
            differences.add(signed.keyId().equals(deskId) ? "the signature does not match the desk's key"
                    : "the signature does not match the desk's key (the page names key " + signed.keyId()
                    + ", the desk's key is " + deskId + ")");
        } else if (!signed.keyId().equals(DeskKeys.keyId(deskKey))) {
            differences.add("the page names key " + signed.keyId() + ", not the desk's key " + DeskKeys.keyId(deskKey));
        }
        PageFields fields = signed.fields();
        checkHeadline(page, fields, differences);
        checkBody(page, pageHtml, fields, differences);
        checkUrl(page, fields, differences);
        checkTime(page, fields, differences);
        return new PageCheck(signature, differences);
    }

    /** Whether the page is a withdrawal notice for this story, and carries no body. */
    public boolean isWithdrawalNotice(String pageHtml, StoryId id) {
        Document page = Jsoup.parse(pageHtml);
        Elements marks = page.select("meta[name=" + PageRenderer.WITHDRAWN + "]");
        return marks.size() == 1 && marks.first().attr("content").equals(id.toString())
                && page.selectFirst(PublicationVerifier.BODY_SELECTOR) == null
                && page.select("meta[name=" + PageFields.META_SIGNATURE + "]").isEmpty();
    }

    private static Optional<PageSignature> readSignature(Document page, List<String> differences) {
        Elements format = page.select("meta[name=" + PageFields.META_FORMAT + "]");
        if (format.isEmpty() && page.select("meta[name=" + PageFields.META_SIGNATURE + "]").isEmpty()) {
            differences.add("the page is not signed");
            return Optional.empty();
        }
        if (format.size() != 1 || !format.first().attr("content").equals(PageFields.FORMAT)) {
            differences.add("the page's signature format is not " + PageFields.FORMAT);
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : FIELDS) {
            Elements tags = page.select("meta[name=" + name + "]");
            if (tags.size() != 1) {
                differences.add("the page carries " + (tags.isEmpty() ? "no" : tags.size()) + " " + name
                        + " field" + (tags.isEmpty() ? "" : "s") + " where a signed page carries one");
            } else {
                values.put(name, tags.first().attr("content"));
            }
        }
        if (!differences.isEmpty()) {
            return Optional.empty();
        }
        try {
            PageFields fields = new PageFields(new StoryId(Long.parseLong(values.get(PageFields.META_STORY_ID))),
                    values.get(PageFields.META_HEADLINE), values.get(PageFields.META_BODY_SHA256),
                    values.get(PageFields.META_BODY_HTML_SHA256), values.get(PageFields.META_URL),
                    PageFields.parseTime(values.get(PageFields.META_PUBLISHED_AT)));
            if (!fields.id().toString().equals(values.get(PageFields.META_STORY_ID))) {
                throw new IllegalArgumentException("the story id is not written plainly");
            }
            return Optional.of(new PageSignature(fields, values.get(PageFields.META_KEY_ID),
                    values.get(PageFields.META_SIGNATURE)));
        } catch (IllegalArgumentException e) {
            differences.add("the page's signed fields cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static void checkHeadline(Document page, PageFields fields, List<String> differences) {
        Elements shown = page.select("[data-wd-headline]");
        String title = page.title();
        if (shown.size() != 1 || !Fingerprint.normalize(shown.first().text()).equals(fields.headline())
                || !(title.equals(fields.headline()) || title.startsWith(fields.headline() + " — "))) {
            differences.add("the headline shown differs from the signed headline");
        }
    }

    private static void checkBody(Document page, String pageHtml, PageFields fields, List<String> differences) {
        Elements bodies = page.select(PublicationVerifier.BODY_SELECTOR);
        if (bodies.size() != 1) {
            differences.add("the page has " + (bodies.isEmpty() ? "no" : bodies.size()) + " body elements, not one");
            return;
        }
        Element body = bodies.first();
        if (!Fingerprint.ofText(body.text()).equals(fields.bodySha256())
                || !body.attr("data-wd-body").equals(fields.bodySha256())) {
            differences.add("the body's text differs from the signed fingerprint");
        }
        Optional<String> inserted = PageRenderer.insertedBody(pageHtml);
        if (inserted.isEmpty() || !isMarker(first(body), PageRenderer.BODY_START)
                || !isMarker(last(body), PageRenderer.BODY_END)) {
            differences.add("the body's markup is not between its markers, so it cannot be checked");
        } else if (!Fingerprint.ofHtml(inserted.get()).equals(fields.bodyHtmlSha256())) {
            differences.add("the body's markup differs from what was signed");
        }
    }

    private static void checkUrl(Document page, PageFields fields, List<String> differences) {
        Elements shown = page.select("[data-wd-url]");
        Elements canonical = page.select("link[rel=canonical]");
        if (shown.size() != 1 || !shown.first().attr("href").equals(fields.url())
                || !shown.first().text().equals(fields.url())
                || canonical.size() > 1 || canonical.size() == 1 && !canonical.first().attr("href").equals(fields.url())
                // a page names no original only when it says its address is the agency's (ADR 19)
                || canonical.isEmpty() && page.select(".credit-note").isEmpty()) {
            differences.add("the source URL shown differs from the signed one");
        }
    }

    private static void checkTime(Document page, PageFields fields, List<String> differences) {
        Elements shown = page.select("time[data-wd-published]");
        Instant at = fields.publishedAt();
        if (shown.size() != 1 || !shown.first().attr("datetime").equals(fields.publishedAtText())
                || !shown.first().text().equals(PageRenderer.visibleTime(at))) {
            differences.add("the publication time shown differs from the signed one");
        }
    }

    private static Node first(Element e) {
        return e.childNodeSize() == 0 ? null : e.childNode(0);
    }

    private static Node last(Element e) {
        return e.childNodeSize() == 0 ? null : e.childNode(e.childNodeSize() - 1);
    }

    private static boolean isMarker(Node node, String marker) {
        return node instanceof Comment c && ("<!--" + c.getData() + "-->").equals(marker);
    }
}
