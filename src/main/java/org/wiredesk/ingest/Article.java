package org.wiredesk.ingest;

import java.time.OffsetDateTime;

/** What an article page says about itself, and its body HTML (not yet sanitized). */
public record Article(String headline, String byline, OffsetDateTime published, String siteName, String url,
                      String language, String bodyHtml) {

    /** The body as text, paragraphs separated by a blank line, after the same sanitizing ingest applies. */
    public String bodyText(HtmlSanitizer sanitizer) {
        return String.join("\n\n", BodyText.paragraphs(sanitizer.sanitize(bodyHtml, "")));
    }
}
