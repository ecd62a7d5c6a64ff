package org.wiredesk.ingest;

import java.util.Arrays;
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

    /** A description with fewer words than this (of more than three letters) says too little to guide. */
    private static final int MIN_DESCRIBED_WORDS = 8;
    /** A body holding less than this share of the description's words missed what the page is about. */
    static final double OFF_TOPIC = 0.2;
    /** A guided body shorter than this is a teaser or a heading, not the article. */
    private static final int MIN_GUIDED = 200;

    private final Set<String> declared;
    private final int[] declaredHashes;
    private final Set<String> described;
    private final int[] describedHashes;

    /** @param declaredBody the article text the page's structured data declares, or null */
    SecondLook(String declaredBody) {
        this(declaredBody, null);
    }

    /**
     * @param declaredBody the article text the page's structured data declares, or null
     * @param description  what the page says the article is about (its description meta tag), or null
     */
    SecondLook(String declaredBody, String description) {
        // normalized as body paragraphs are (NFC, white space), so that the same words compare equal
        Set<String> words = declaredBody == null ? Set.of() : words(Fingerprint.normalize(declaredBody));
        this.declared = words.size() >= MIN_DECLARED_WORDS ? words : Set.of();
        Set<String> about = new HashSet<>();
        if (description != null) {
            // longer words only: the short ones are mostly function words, which every block holds
            for (String w : words(Fingerprint.normalize(description))) {
                if (w.codePointCount(0, w.length()) > 3) {
                    about.add(w);
                }
            }
        }
        this.described = about.size() >= MIN_DESCRIBED_WORDS ? Set.copyOf(about) : Set.of();
        this.declaredHashes = hashes(declared);
        this.describedHashes = hashes(described);
    }

    /** The description's words, to guide a second look ({@link Guide}); empty when it says too little. */
    Set<String> described() {
        return described;
    }

    /** Whether a body with this text holds almost none of the words of the page's description. */
    boolean offTopic(String text) {
        return !described.isEmpty()
                && !holdsAtLeast(described, describedHashes, text, (int) Math.ceil(OFF_TOPIC * described.size()));
    }

    /** Whether a body found by the description's guide is to be kept rather than an off-topic one. */
    boolean prefersGuided(String offTopicText, String guidedText) {
        return guidedText.length() >= MIN_GUIDED && share(described, describedHashes, guidedText) >= Guide.HOLDS
                && (declared.isEmpty() || coverage(guidedText) >= coverage(offTopicText));
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
        return declared.isEmpty() ? 1 : share(declared, declaredHashes, text);
    }

    /** The share of the words that the text holds. */
    static double share(Set<String> words, String text) {
        return share(words, hashes(words), text);
    }

    private static double share(Set<String> words, int[] hashes, String text) {
        return words.isEmpty() ? 0 : found(words, hashes, text) / (double) words.size();
    }

    /**
     * Whether the text holds at least {@code enough} of the words. Read from the start and stopped as soon as it
     * does, which on an article is within its first lines (the description is mostly its lead); each word is lower
     * cased on its own, char by char, which differs from lower-casing the whole text only in rare letters (a
     * Greek final sigma, a dotted capital I).
     */
    static boolean holdsAtLeast(Set<String> words, int[] hashes, String text, int enough) {
        Set<String> seen = new HashSet<>();
        int n = text.length();
        int start = -1;
        int hash = 0;
        for (int i = 0; i <= n; ) {
            int cp = i < n ? text.codePointAt(i) : ' ';
            int length = i < n ? Character.charCount(cp) : 1;
            if (i < n && isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                for (int k = i; k < i + length; k++) {
                    hash = 31 * hash + Character.toLowerCase(text.charAt(k));
                }
            } else if (start >= 0) {
                if (Arrays.binarySearch(hashes, hash) >= 0) {
                    String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                    if (words.contains(word) && seen.add(word) && seen.size() >= enough) {
                        return true;
                    }
                }
                start = -1;
            }
            i += length;
        }
        return seen.size() >= enough;
    }

    /** The words' hash codes, sorted: a word of the text becomes a string only when its hash is among them. */
    static int[] hashes(Set<String> words) {
        return words.stream().mapToInt(String::hashCode).sorted().toArray();
    }

    /**
     * How many of the words the text holds, read as {@link #words} reads them but without making a string of every
     * word of the text (this runs on every page, over the whole body).
     */
    private static int found(Set<String> words, int[] hashes, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> seen = new HashSet<>();
        int n = lower.length();
        int start = -1;
        int hash = 0;
        for (int i = 0; i <= n; ) {
            int cp = i < n ? lower.codePointAt(i) : ' ';
            int length = i < n ? Character.charCount(cp) : 1;
            if (i < n && isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                // String.hashCode, char by char
                for (int k = i; k < i + length; k++) {
                    hash = 31 * hash + lower.charAt(k);
                }
            } else if (start >= 0) {
                if (Arrays.binarySearch(hashes, hash) >= 0) {
                    String word = lower.substring(start, i);
                    if (words.contains(word)) {
                        seen.add(word);
                    }
                }
                start = -1;
            }
            i += length;
        }
        return seen.size();
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
