package org.wiredesk.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * What an article page says about itself, and its body as extracted: the blocks (not yet sanitized: ingest
 * sanitizes every body before it is stored) and the same body as paragraphs of text.
 *
 * @param declaredArticle whether the page says it is an article (structured data, og:type, a publication time)
 */
public record Article(String headline, String byline, OffsetDateTime published, String siteName, String url,
                      String language, Element body, List<String> paragraphs, boolean declaredArticle) {
    /** Prose needed when the page says it is an article. */
    static final int MIN_PROSE_DECLARED = 80;
    /** Prose needed when it does not: enough that an error or login page is not taken for an article. */
    static final int MIN_PROSE_UNDECLARED = 250;
    private static final int MIN_PARAGRAPH = 40;

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The extracted body blocks as HTML, before sanitizing. */
    public String bodyHtml() {
        return body.html();
    }

    /** The body as text, paragraphs separated by a blank line. */
    public String bodyText() {
        return String.join("\n\n", paragraphs);
    }

    /**
     * Whether the page reads as an article: enough prose in real paragraphs (mostly letters, not a bare address;
     * in any script, so no word spaces are assumed), less if the page says it is an article.
     */
    public boolean readsAsArticle() {
        int prose = 0;
        for (String paragraph : paragraphs) {
            if (paragraph.length() >= MIN_PARAGRAPH && !paragraph.contains("://") && mostlyLetters(paragraph)) {
                prose += paragraph.length();
            }
        }
        return prose >= (declaredArticle ? MIN_PROSE_DECLARED : MIN_PROSE_UNDECLARED);
    }

    private static boolean mostlyLetters(String s) {
        long letters = s.codePoints().filter(Character::isLetter).count();
        return letters * 2 >= s.codePointCount(0, s.length());
    }
}
