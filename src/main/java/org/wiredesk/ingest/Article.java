package org.wiredesk.ingest;

import java.time.OffsetDateTime;

/** What an article page says about itself, and its body HTML (not yet sanitized). */
public record Article(String headline, String byline, OffsetDateTime published, String siteName, String url,
                      String language, String bodyHtml, boolean declaredArticle) {
    /** Prose needed when the page says it is an article (structured data, og:type, a publication time). */
    static final int MIN_PROSE_DECLARED = 80;
    /** Prose needed when it does not: enough that an error or login page is not taken for an article. */
    static final int MIN_PROSE_UNDECLARED = 250;
    private static final int MIN_PARAGRAPH = 40;

    /** Whether the page reads as an article: enough prose in real paragraphs, less if it says it is one. */
    public boolean readsAsArticle(HtmlSanitizer sanitizer) {
        int prose = 0;
        for (String paragraph : BodyText.paragraphs(sanitizer.sanitize(bodyHtml, ""))) {
            if (paragraph.length() >= MIN_PARAGRAPH && !paragraph.matches("\\S+")) {
                prose += paragraph.length();
            }
        }
        return prose >= (declaredArticle ? MIN_PROSE_DECLARED : MIN_PROSE_UNDECLARED);
    }

    /** The body as text, paragraphs separated by a blank line, after the same sanitizing ingest applies. */
    public String bodyText(HtmlSanitizer sanitizer) {
        return String.join("\n\n", BodyText.paragraphs(sanitizer.sanitize(bodyHtml, "")));
    }
}
