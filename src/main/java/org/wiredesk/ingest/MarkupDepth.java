package org.wiredesk.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * How deep a page's elements nest, from one linear pass over its bytes, so a page the parser had to flatten is
 * refused with that reason rather than as "no article text". Jsoup keeps 512 levels (a page nested 100,000 deep
 * would otherwise cost a deep tree and recursion): past them it closes elements, and the article is lost.
 */
final class MarkupDepth {
    /** The depth Jsoup's HTML parser keeps. */
    static final int PARSER_KEEPS = org.jsoup.parser.Parser.htmlParser().getMaxDepth();
    /** Elements that never hold others, and those the parser closes by itself when the next one starts. */
    private static final Set<String> NOT_NESTING = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr",
            "td", "th", "rt", "rp", "colgroup", "caption", "thead", "tbody", "tfoot", "!doctype", "!");

    private MarkupDepth() {
    }

    /** The deepest nesting of elements in the markup (ASCII-compatible bytes; comments skipped). */
    static int of(byte[] html) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        int n = html.length;
        while (i < n) {
            if (html[i] != '<' || i + 1 >= n) {
                i++;
                continue;
            }
            byte next = html[i + 1];
            if (next == '!' && i + 3 < n && html[i + 2] == '-' && html[i + 3] == '-') {
                int end = indexOf(html, i + 4);
                if (end < 0) {
                    break; // a comment that never closes hides the rest from the parser too
                }
                i = end + 3;
                continue;
            }
            boolean closing = next == '/';
            int start = closing ? i + 2 : i + 1;
            int j = start;
            while (j < n && j - start < 16 && isNameByte(html[j])) {
                j++;
            }
            if (j == start) {
                i++;
                continue;
            }
            String name = new String(html, start, j - start, java.nio.charset.StandardCharsets.US_ASCII)
                    .toLowerCase(Locale.ROOT);
            int close = j;
            while (close < n && html[close] != '>' && close - j < 2048) {
                close++;
            }
            boolean selfClosing = close < n && html[close] == '>' && html[close - 1] == '/';
            if (!NOT_NESTING.contains(name) && !selfClosing) {
                depth = closing ? Math.max(0, depth - 1) : depth + 1;
                deepest = Math.max(deepest, depth);
            }
            i = close;
        }
        return deepest;
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == ':'
                || b == '!';
    }

    /** Where "-->" starts at or after {@code from}, or -1. */
    private static int indexOf(byte[] b, int from) {
        for (int k = from; k + 2 < b.length; k++) {
            if (b[k] == '-' && b[k + 1] == '-' && b[k + 2] == '>') {
                return k;
            }
        }
        return -1;
    }
}
