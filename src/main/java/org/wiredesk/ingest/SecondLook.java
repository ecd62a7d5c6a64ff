package org.wiredesk.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

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
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Set<String> declared;

    /** @param declaredBody the article text the page's structured data declares, or null */
    SecondLook(String declaredBody) {
        Set<String> words = declaredBody == null ? Set.of() : words(declaredBody);
        this.declared = words.size() >= MIN_DECLARED_WORDS ? words : Set.of();
    }

    /** Whether a first body with this text calls for a second look. */
    boolean wanted(String firstText) {
        return firstText.length() < SHORT_BODY || !declared.isEmpty() && coverage(firstText) < LOW_COVERAGE;
    }

    /** The body to keep of the two. */
    Element choose(Element first, Element second) {
        String a = first.text();
        String b = second.text();
        double gain = coverage(b) - coverage(a);
        boolean moreOfTheArticle = gain > CLEAR_GAIN;
        boolean muchLonger = a.length() < SHORT_BODY && b.length() >= LONGER * a.length() && gain >= 0;
        return moreOfTheArticle || muchLonger ? second : first;
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

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
