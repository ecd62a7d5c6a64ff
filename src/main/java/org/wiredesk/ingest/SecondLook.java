package org.wiredesk.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.wiredesk.story.Fingerprint;

/**
 * Decides when a page deserves a second, lenient extraction, and which of the two bodies to keep. The first look
 * trusts the names of a page's containers; when it finds almost nothing, or misses most of the article text the
 * page declares in its structured data (JSON-LD articleBody), the names probably hid the article, and a look that
 * removes only what is never article text is compared with it. The structured text is only a witness: the body
 * is always made of the page's own blocks.
 */
final class SecondLook {
    /** A first body shorter than this (in characters of text) is worth a second look. */
    static final int SHORT_BODY = 300;
    /** The second body must be this many times longer than a short first one to replace it. */
    static final double LONGER = 2.0;
    /** A first body holding less than this share of the declared article's words is worth a second look. */
    static final double LOW_COVERAGE = 0.5;
    /** The second body must hold this much more of the declared article's words to replace the first. */
    static final double CLEAR_GAIN = 0.05;
    /** Declared article text shorter than this (in words) is a summary, not a witness. */
    private static final int MIN_DECLARED_WORDS = 50;

    private final Set<String> declared;

    /** @param declaredBody the article text the page's structured data declares, or null */
    SecondLook(String declaredBody) {
        // normalized as body paragraphs are (NFC, white space), so that the same words compare equal
        Set<String> words = declaredBody == null ? Set.of() : words(Fingerprint.normalize(declaredBody));
        this.declared = words.size() >= MIN_DECLARED_WORDS ? words : Set.of();
    }

    /** Whether a first body with this text calls for a second look. */
    boolean wanted(String firstText) {
        return firstText.length() < SHORT_BODY || !declared.isEmpty() && coverage(firstText) < LOW_COVERAGE;
    }

    /** Whether the second body (of this text) is to be kept rather than the first. */
    boolean prefersSecond(String firstText, String secondText) {
        double gain = coverage(secondText) - coverage(firstText);
        boolean moreOfTheArticle = gain > CLEAR_GAIN;
        boolean muchLonger = firstText.length() < SHORT_BODY && secondText.length() >= LONGER * firstText.length()
                && gain >= 0;
        return moreOfTheArticle || muchLonger;
    }

    /** The share of the declared article's distinct words that the text holds. */
    double coverage(String text) {
        if (declared.isEmpty()) {
            return 1;
        }
        Set<String> have = words(text);
        int found = 0;
        for (String w : declared) {
            if (have.contains(w)) {
                found++;
            }
        }
        return found / (double) declared.size();
    }

    /** The distinct words of the text, lower case: runs of what {@code \w} matches in Unicode mode. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(lower.substring(start));
        }
        return out;
    }

    /** What {@code \w} matches with UNICODE_CHARACTER_CLASS (a regular expression here cost more than the rest). */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '_';
        }
        if (Character.isAlphabetic(cp) || Character.isDigit(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
    }
}
