package org.wiredesk.ingest;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Chooses an article's headline the way the page's own metadata states it: the structured-data headline, then
 * OpenGraph, then Twitter's card; failing those, the document title cleaned of its site segment (the rules
 * Readability made common), or the page's single h1 when the title is unusable.
 */
final class HeadlineChooser {
    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-\\\\/>»] ");
    private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
    private static final Pattern LAST_SEGMENT = Pattern.compile("(.*)[|\\-\\\\/>»] .*");
    private static final Pattern FIRST_SEGMENT = Pattern.compile("[^|\\-\\\\/>»]*[|\\-\\\\/>»](.*)");

    private HeadlineChooser() {
    }

    /** The page's candidates; any may be null. */
    record Candidates(String structured, String openGraph, String twitter, String title,
                      Supplier<List<String>> h1s, Supplier<List<String>> headings) {
    }

    static String choose(Candidates c) {
        for (String s : new String[] {c.structured(), c.openGraph(), c.twitter()}) {
            if (s != null && !s.isBlank()) {
                return s.strip().replaceAll("\\s+", " ");
            }
        }
        return fromTitle(c.title() == null ? "" : c.title(), c.h1s().get(), c.headings().get());
    }

    /** The document title less its site segment; the single h1 when the title is too short or too long. */
    static String fromTitle(String original, List<String> h1s, List<String> headings) {
        String orig = original.strip().replaceAll("\\s+", " ");
        String cur = orig;
        boolean hierarchical = false;
        if (SEPARATOR.matcher(cur).find()) {
            hierarchical = HIERARCHICAL.matcher(cur).find();
            cur = LAST_SEGMENT.matcher(orig).replaceAll("$1");
            if (words(cur) < 3) {
                cur = FIRST_SEGMENT.matcher(orig).replaceAll("$1");
            }
        } else if (cur.contains(": ")) {
            String whole = cur;
            boolean headingIsTitle = headings.stream().anyMatch(h -> h.strip().equals(whole.strip()));
            if (!headingIsTitle) {
                cur = orig.substring(orig.lastIndexOf(':') + 1);
                if (words(cur) < 3) {
                    cur = orig.substring(orig.indexOf(':') + 1);
                } else if (words(orig.substring(0, orig.indexOf(':'))) > 5) {
                    cur = orig;
                }
            }
        } else if ((cur.length() > 150 || cur.length() < 15) && h1s.size() == 1) {
            cur = h1s.get(0);
        }
        cur = cur.strip().replaceAll("\\s+", " ");
        int count = words(cur);
        if (count <= 4 && (!hierarchical || count != words(orig.replaceAll("[|\\-\\\\/>»]+", "")) - 1)) {
            cur = orig;
        }
        return cur.isEmpty() ? null : cur;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
