package org.wiredesk.style;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Capitalisation checks: what a headline would look like in sentence case or in title case. */
final class CaseStyle {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*");

    private CaseStyle() {
    }

    /**
     * Sentence case as far as it can be decided without knowing names: the first word capitalised, and a word in
     * title case after the first is suspect only when most words are capitalised (then the whole is title case).
     * Known names (the desk's preferred terms) and acronyms are left alone.
     */
    static String sentence(String h, Collection<String> names) {
        Matcher m = WORD.matcher(h);
        int words = 0;
        int capitalised = 0;
        while (m.find()) {
            words++;
            if (Character.isUpperCase(m.group().codePointAt(0))) {
                capitalised++;
            }
        }
        StringBuilder out = new StringBuilder(h);
        m.reset();
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            if (first) {
                out.setCharAt(m.start(), Character.toUpperCase(w.charAt(0)));
                first = false;
                continue;
            }
            boolean titleCased = words >= 4 && capitalised * 10 >= words * 7;
            boolean acronym = w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT));
            if (titleCased && !acronym && !names.contains(w) && Character.isUpperCase(w.charAt(0))) {
                out.setCharAt(m.start(), Character.toLowerCase(w.charAt(0)));
            }
        }
        return out.toString();
    }

    static String title(String h, Set<String> small) {
        StringBuilder out = new StringBuilder(h);
        Matcher m = WORD.matcher(h);
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            boolean minor = !first && small.contains(w.toLowerCase(Locale.ROOT));
            if (!minor && Character.isLowerCase(w.charAt(0))) {
                out.setCharAt(m.start(), Character.toUpperCase(w.charAt(0)));
            }
            first = false;
        }
        return out.toString();
    }
}
