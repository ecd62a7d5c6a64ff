package org.wiredesk.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a document is, judged from its content (its first bytes, and its content type where it has one), never from
 * its name: a feed, an article page, a NewsML-G2 item or message, a ninjs item.
 */
public enum DocumentKind {
    FEED, PAGE, NEWSML_G2, NINJS, UNKNOWN;

    private static final int SNIFF_BYTES = 4096;

    public static DocumentKind of(SourceDocument doc) {
        String head = head(doc.content());
        int i = skipSpace(head, 0);
        if (i < head.length() && (head.charAt(i) == '{' || head.charAt(i) == '[')) {
            return NinjsShape.looksLikeNinjs(doc.content()) ? NINJS : UNKNOWN;
        }
        while (i < head.length()) {
            i = skipSpace(head, i);
            if (head.startsWith("<?", i)) {
                i = after(head, i, "?>");
            } else if (head.startsWith("<!--", i)) {
                i = after(head, i, "-->");
            } else if (head.regionMatches(true, i, "<!doctype", 0, 9)) {
                // the root element decides: feeds sometimes carry an XHTML doctype
                int next = afterDoctype(head, i);
                if (next >= head.length() && head.regionMatches(true, i, "<!doctype html", 0, 14)) {
                    return PAGE;
                }
                i = next;
            } else if (head.startsWith("<", i)) {
                return isNewsmlG2(head, i + 1) ? NEWSML_G2 : rootKind(head.substring(i + 1));
            } else {
                break;
            }
        }
        String type = doc.contentType() == null ? "" : doc.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("rss") || type.contains("atom")) {
            return FEED;
        }
        return type.contains("html") ? PAGE : UNKNOWN;
    }

    /** A root {@code newsItem} or {@code newsMessage} (any prefix) in a document naming the NewsML-G2 namespace. */
    private static boolean isNewsmlG2(String head, int at) {
        int end = at;
        while (end < head.length() && !Character.isWhitespace(head.charAt(end)) && head.charAt(end) != '>'
                && head.charAt(end) != '/') {
            end++;
        }
        String name = head.substring(at, end);
        String local = name.substring(name.indexOf(':') + 1);
        return (local.equals("newsItem") || local.equals("newsMessage")) && head.contains(NewsmlG2Reader.NAR);
    }

    /** Past a DOCTYPE, its internal subset ({@code [...]}, where entities are declared) included. */
    private static int afterDoctype(String head, int from) {
        int close = head.indexOf('>', from);
        int open = head.indexOf('[', from);
        if (open >= 0 && (close < 0 || open < close)) {
            int subsetEnd = head.indexOf(']', open);
            return subsetEnd < 0 ? head.length() : after(head, subsetEnd, ">");
        }
        return close < 0 ? head.length() : close + 1;
    }

    private static DocumentKind rootKind(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.startsWith("rss") || t.startsWith("feed") || t.startsWith("rdf:rdf") || t.startsWith("rdf")
                || t.startsWith("channel")) {
            return FEED;
        }
        if (t.startsWith("html") || t.startsWith("head") || t.startsWith("body") || t.startsWith("meta")
                || t.startsWith("title") || t.startsWith("div") || t.startsWith("article")) {
            return PAGE;
        }
        return UNKNOWN;
    }

    private static String head(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFE || (content[0] & 0xFF) == 0xFF)) {
            String utf16 = new String(content, 0, Math.min(content.length, SNIFF_BYTES * 2), StandardCharsets.UTF_16);
            return utf16.replace("\uFEFF", "");
        }
        if (content.length >= 2 && content[0] == 0 && content[1] == '<') {
            return new String(content, 0, Math.min(content.length, SNIFF_BYTES * 2), StandardCharsets.UTF_16BE);
        }
        if (content.length >= 2 && content[0] == '<' && content[1] == 0) {
            return new String(content, 0, Math.min(content.length, SNIFF_BYTES * 2), StandardCharsets.UTF_16LE);
        }
        return new String(content, start, Math.max(0, Math.min(content.length, SNIFF_BYTES) - start),
                StandardCharsets.ISO_8859_1);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int after(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? s.length() : at + end.length();
    }
}
