package org.wiredesk.ingest;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures for every element of a subtree, taken in one bottom-up pass: letters (non-space characters),
 * letters inside links, and commas. Scoring and link density read these instead of asking each element for
 * its text, which would walk the same subtrees again and again.
 */
final class TextStats implements NodeVisitor {
    private static final int LETTERS = 0;
    private static final int LINKED = 1;
    private static final int COMMAS = 2;

    private final Map<Element, int[]> stats = new IdentityHashMap<>();

    static TextStats of(Element root) {
        TextStats s = new TextStats();
        root.traverse(s);
        return s;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof Element el) {
            stats.put(el, new int[3]);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof TextNode text && text.parent() != null) {
            int[] own = stats.get(text.parent());
            if (own == null) {
                return;
            }
            String s = text.getWholeText();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!Character.isWhitespace(c) && c != '\u00A0') {
                    own[LETTERS]++;
                    if (c == ',' || c == '\u060C' || c == '\uFF0C' || c == '\u3001') {
                        own[COMMAS]++;
                    }
                }
            }
        } else if (node instanceof Element el) {
            int[] own = stats.get(el);
            if (el.normalName().equals("a")) {
                own[LINKED] = own[LETTERS];
            }
            if (el.parent() != null) {
                int[] up = stats.get(el.parent());
                if (up != null) {
                    up[LETTERS] += own[LETTERS];
                    up[LINKED] += own[LINKED];
                    up[COMMAS] += own[COMMAS];
                }
            }
        }
    }

    int letters(Element el) {
        int[] s = stats.get(el);
        return s == null ? 0 : s[LETTERS];
    }

    int commas(Element el) {
        int[] s = stats.get(el);
        return s == null ? 0 : s[COMMAS];
    }

    double linkDensity(Element el) {
        int[] s = stats.get(el);
        return s == null || s[LETTERS] == 0 ? 0 : Math.min(1.0, s[LINKED] / (double) s[LETTERS]);
    }
}
