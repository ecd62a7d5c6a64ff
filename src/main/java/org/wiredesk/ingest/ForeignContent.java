package org.wiredesk.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an SVG element's markup, from after its start tag to an end tag {@code </svg>}, is read by the HTML
 * parser as one SVG element, so that {@link MarkupTrimmer} may cut it whole. SVG is not raw text: a comment inside
 * it is a comment (a {@code </svg>} in it ends nothing), and an HTML start tag such as {@code <div>} or {@code <p>},
 * or an end tag of an element opened before the SVG, ends the SVG early and what follows is the page's text again.
 * In those cases the element is left to the parser. (Read once per SVG: the range of a well-formed icon is short.)
 */
final class ForeignContent {
    /** HTML start tags that break out of SVG (the HTML standard's rules for parsing tokens in foreign content). */
    private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code", "dd",
            "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
            "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
            "sub", "sup", "table", "tt", "u", "ul", "var", "font");

    /** The last segment judged: a later SVG whose segment ends at the same place and starts before a flaw shares it. */
    private int judgedClose = -1;
    private int flawAt = -1;

    /**
     * Whether {@code view[from, close)} (the content of an SVG element up to the {@code </svg} at {@code close})
     * holds no HTML tag that would end the SVG before {@code close}, and {@code close} is not inside a comment.
     */
    boolean endsAt(String view, int from, int close) {
        if (close == judgedClose && flawAt >= from) {
            return false;
        }
        int flaw = firstFlaw(view, from, close);
        judgedClose = close;
        flawAt = flaw;
        return flaw < 0;
    }

    /** Where the first breaking tag, or a comment holding the end, starts in the range, or -1. */
    private static int firstFlaw(String view, int from, int close) {
        Set<String> opened = null;
        for (int lt = view.indexOf('<', from); lt >= 0 && lt < close; lt = view.indexOf('<', lt + 1)) {
            if (view.startsWith("!--", lt + 1)) {
                // a comment is a comment in SVG too: the end tag found must not stand inside one
                int end = view.indexOf("-->", lt + 4);
                if (end < 0 || end + 3 > close) {
                    return lt;
                }
                lt = end + 2;
                continue;
            }
            boolean end = lt + 1 < close && view.charAt(lt + 1) == '/';
            String name = nameAt(view, end ? lt + 2 : lt + 1, close);
            if (name.isEmpty()) {
                continue;
            }
            if (end) {
                if (name.equals("p") || name.equals("br") || opened == null || !opened.contains(name)) {
                    return lt;
                }
            } else {
                if (BREAKOUT.contains(name)) {
                    return lt;
                }
                if (opened == null) {
                    opened = new HashSet<>();
                }
                opened.add(name);
            }
        }
        return -1;
    }

    private static String nameAt(String view, int at, int limit) {
        int i = at;
        while (i < limit && isNameChar(view.charAt(i))) {
            i++;
        }
        return i == at || !Character.isLetter(view.charAt(at)) ? "" : view.substring(at, i).toLowerCase(Locale.ROOT);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == ':'
                || c == '_' || c == '.';
    }
}
