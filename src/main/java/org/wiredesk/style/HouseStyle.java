package org.wiredesk.style;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A desk's house style for headlines, read from its rules file (format: docs/house-style-rules.md), and the check
 * that runs as the copy editor types. Each slip comes with a one-click fix where the fix is certain.
 */
public final class HouseStyle {
    /** How a headline is capitalised. */
    public enum Case { SENTENCE, TITLE, ANY }

    /** How numbers are written. */
    public enum Numerals { FIGURES, WORDS_UNDER_TEN, ANY }

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Map<String, String> NUMBER_WORDS = Map.of("one", "1", "two", "2", "three", "3", "four", "4",
            "five", "5", "six", "6", "seven", "7", "eight", "8", "nine", "9", "ten", "10");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "but", "or", "nor", "for", "of",
            "on", "in", "at", "to", "by", "as", "up", "off", "via", "vs");

    private final int maxLength;
    private final double maxWidth;
    private final String fontFamily;
    private final boolean fontBold;
    private final double fontSize;
    private final Case headlineCase;
    private final Map<String, String> preferred;
    private final List<String> banned;
    private final boolean curlyQuotes;
    private final boolean noTrailingStop;
    private final Numerals numerals;

    HouseStyle(int maxLength, double maxWidth, String fontFamily, boolean fontBold, double fontSize,
               Case headlineCase, Map<String, String> preferred, List<String> banned, boolean curlyQuotes,
               boolean noTrailingStop, Numerals numerals) {
        this.maxLength = maxLength;
        this.maxWidth = maxWidth;
        this.fontFamily = fontFamily;
        this.fontBold = fontBold;
        this.fontSize = fontSize;
        this.headlineCase = headlineCase;
        this.preferred = new LinkedHashMap<>(preferred);
        this.banned = List.copyOf(banned);
        this.curlyQuotes = curlyQuotes;
        this.noTrailingStop = noTrailingStop;
        this.numerals = numerals;
    }

    /** Characters as people see them: grapheme clusters, so an emoji or an accented letter counts once. */
    public static int length(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    public int maxLength() {
        return maxLength;
    }

    public double maxWidth() {
        return maxWidth;
    }

    public String fontFamily() {
        return fontFamily;
    }

    public boolean fontBold() {
        return fontBold;
    }

    public double fontSize() {
        return fontSize;
    }

    /** Every slip in the headline, in the order they appear; {@code width} may be null (no meter). */
    public List<StyleIssue> check(String headline, WidthMeasure width) {
        List<StyleIssue> out = new ArrayList<>();
        String h = headline == null ? "" : headline;
        if (h.isBlank()) {
            return out;
        }
        int length = length(h);
        if (maxLength > 0 && length > maxLength) {
            out.add(new StyleIssue("max-length", length + " characters: the desk's limit is " + maxLength,
                    offsetOfGrapheme(h, maxLength), h.length(), null, StyleIssue.Severity.ERROR));
        }
        if (maxWidth > 0 && width != null) {
            double px = width.pixels(h, fontFamily, fontBold, fontSize);
            if (px > maxWidth) {
                out.add(new StyleIssue("max-width", String.format(Locale.ROOT,
                        "%.0f px wide in the site's headline font: the limit is %.0f px", px, maxWidth), 0, h.length(),
                        null, StyleIssue.Severity.ERROR));
            }
        }
        for (Map.Entry<String, String> e : preferred.entrySet()) {
            Matcher m = wordPattern(e.getKey()).matcher(h);
            while (m.find()) {
                out.add(new StyleIssue("prefer", "The desk writes “" + e.getValue() + "”, not “" + m.group() + "”",
                        m.start(), m.end(), h.substring(0, m.start()) + e.getValue() + h.substring(m.end()),
                        StyleIssue.Severity.WARNING));
            }
        }
        for (String word : banned) {
            Matcher m = wordPattern(word).matcher(h);
            while (m.find()) {
                out.add(new StyleIssue("ban", "“" + m.group() + "” is banned in our headlines", m.start(), m.end(),
                        null, StyleIssue.Severity.ERROR));
            }
        }
        if (curlyQuotes) {
            String curled = Quotes.curl(h);
            int at = firstDifference(h, curled);
            if (at >= 0) {
                out.add(new StyleIssue("quotes", "Use curly quotes (“ ” ‘ ’)", at, at + 1, curled,
                        StyleIssue.Severity.WARNING));
            }
        }
        if (noTrailingStop && h.strip().endsWith(".") && !h.strip().endsWith("...")) {
            int at = h.lastIndexOf('.');
            out.add(new StyleIssue("trailing-full-stop", "No full stop at the end of a headline", at, at + 1,
                    h.substring(0, at) + h.substring(at + 1), StyleIssue.Severity.WARNING));
        }
        checkNumerals(h, out);
        checkCase(h, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private void checkNumerals(String h, List<StyleIssue> out) {
        if (numerals == Numerals.ANY) {
            return;
        }
        Matcher m = Pattern.compile("\\b(\\p{L}+|\\d+)\\b").matcher(h);
        while (m.find()) {
            String word = m.group(1);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean compound = m.end() < h.length() && h.charAt(m.end()) == '-'
                    || m.start() > 0 && h.charAt(m.start() - 1) == '-';
            if (compound) {
                continue; // "three-day", "two-thirds": compounds keep their words
            }
            if (numerals == Numerals.FIGURES && NUMBER_WORDS.containsKey(lower) && m.start() > 0) {
                out.add(new StyleIssue("numerals", "Use figures for numbers: “" + NUMBER_WORDS.get(lower) + "”",
                        m.start(), m.end(), h.substring(0, m.start()) + NUMBER_WORDS.get(lower) + h.substring(m.end()),
                        StyleIssue.Severity.WARNING));
            } else if (numerals == Numerals.WORDS_UNDER_TEN && word.matches("[1-9]")) {
                String spelled = NUMBER_WORDS.entrySet().stream().filter(e -> e.getValue().equals(word))
                        .map(Map.Entry::getKey).findFirst().orElse(word);
                out.add(new StyleIssue("numerals", "Spell out numbers under ten: “" + spelled + "”", m.start(),
                        m.end(), h.substring(0, m.start()) + spelled + h.substring(m.end()),
                        StyleIssue.Severity.WARNING));
            }
        }
    }

    private void checkCase(String h, List<StyleIssue> out) {
        if (headlineCase == Case.ANY) {
            return;
        }
        String fixed = headlineCase == Case.SENTENCE ? CaseStyle.sentence(h, preferred.values())
                : CaseStyle.title(h, SMALL_WORDS);
        int at = firstDifference(h, fixed);
        if (at >= 0) {
            out.add(new StyleIssue("case", headlineCase == Case.SENTENCE
                    ? "Sentence case: capital only for the first word and for names"
                    : "Title case: capitalise the main words", at, at + 1,
                    headlineCase == Case.SENTENCE ? null : fixed, StyleIssue.Severity.WARNING));
        }
    }

    private static Pattern wordPattern(String phrase) {
        return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])");
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    private static int offsetOfGrapheme(String text, int count) {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            if (n++ == count) {
                return m.start();
            }
        }
        return text.length();
    }
}
