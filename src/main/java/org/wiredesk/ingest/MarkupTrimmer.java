package org.wiredesk.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Cuts what article extraction never reads out of a page's bytes before it is parsed: scripts, styles, SVG and
 * comments, which on news pages are most of the bytes, and attributes nothing reads ({@link StartTags}). JSON-LD
 * scripts are handed back on the side. It follows the HTML rules for where such
 * an element ends (script data ends at {@code </script}, a comment at {@code -->}) and works on the raw bytes,
 * which is safe for every ASCII-compatible encoding (no multi-byte encoding uses '<' as a trail byte). UTF-16
 * input is left alone, as is anything it cannot read to the end.
 */
final class MarkupTrimmer {
    private static final byte[][] RAW_ELEMENTS = {bytes("script"), bytes("style"), bytes("svg"), bytes("noscript")};
    private static final int SVG = 2;
    private static final byte[] LD_JSON = bytes("ld+json");
    private static final byte[] COMMENT_OPEN = bytes("!--");

    private MarkupTrimmer() {
    }

    /** The trimmed page, and the raw bytes of each JSON-LD block taken out of it (null when not read). */
    record Trimmed(byte[] html, java.util.List<byte[]> jsonLd) {
    }

    static Trimmed trim(byte[] in) {
        return trim(in, true);
    }

    /** As {@link #trim(byte[])}; without {@code attributes}, start tags are read but left whole (to compare). */
    static Trimmed trim(byte[] in, boolean attributes) {
        if (in.length < 2 || in[0] == (byte) 0xFE || in[0] == (byte) 0xFF || in[0] == 0 || in[1] == 0) {
            return new Trimmed(in, null);
        }
        java.util.List<byte[]> jsonLd = new java.util.ArrayList<>();
        // the same bytes as chars 0-255: String.indexOf is vectorised by the JVM, a loop over bytes is not, and the
        // copy costs less than the searches it speeds up
        String view = new String(in, StandardCharsets.ISO_8859_1);
        Cuts cuts = new Cuts();
        StartTags tags = new StartTags(in, view, attributes);
        int i = 0;
        // A search that found no end from some offset finds none from any later one: each is remembered, so a page
        // of a thousand unclosed "<!--" is read once, not a thousand times (linear, not quadratic).
        Unfound unfound = new Unfound();
        ForeignContent svg = new ForeignContent();
        while (i < in.length) {
            int lt = view.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            int skipTo = -1;
            if (startsWith(in, lt + 1, COMMENT_OPEN)) {
                int end = lt + 4 >= unfound.commentClose ? -1 : view.indexOf("-->", lt + 4);
                if (end < 0) {
                    unfound.commentClose = Math.min(unfound.commentClose, lt + 4);
                }
                skipTo = end < 0 ? -1 : end + 3;
            } else {
                int kind = rawElementAt(in, lt + 1);
                if (kind >= 0) {
                    byte[] name = RAW_ELEMENTS[kind];
                    int tagEnd = lt >= unfound.tagEnd ? -1 : view.indexOf('>', lt);
                    if (tagEnd < 0) {
                        unfound.tagEnd = Math.min(unfound.tagEnd, lt);
                    }
                    if (tagEnd > 0) {
                        int close = tagEnd + 1 >= unfound.closing[kind] ? -1
                                : kind == SVG && tagEnd + 1 <= unfound.svgClose ? unfound.svgClose
                                : indexOfClosing(in, view, name, tagEnd + 1);
                        if (close < 0) {
                            unfound.closing[kind] = Math.min(unfound.closing[kind], tagEnd + 1);
                        }
                        if (close > 0 && kind == SVG && !svg.endsAt(view, tagEnd + 1, close)) {
                            // the parser may read this SVG differently (a comment in it, HTML that ends it early):
                            // it is left to the parser, and what is inside is trimmed as any markup. An SVG opened
                            // before that end tag ends there too: it is found again without a search.
                            unfound.svgClose = close;
                            close = -1;
                        }
                        int closeEnd = close < 0 ? -1 : view.indexOf('>', close);
                        skipTo = closeEnd < 0 ? -1 : closeEnd + 1;
                        if (skipTo > 0 && name == RAW_ELEMENTS[0] && containsIgnoreCase(in, lt, tagEnd, LD_JSON)) {
                            jsonLd.add(java.util.Arrays.copyOfRange(in, tagEnd + 1, close));
                        }
                    }
                } else {
                    // any other start tag: its unread attributes are cut, and what follows it is read on
                    int after = tags.trim(lt, cuts);
                    if (after > 0) {
                        i = after;
                        continue;
                    }
                }
            }
            if (skipTo < 0) {
                i = lt + 1;
                continue;
            }
            cuts.cut(lt, skipTo);
            i = skipTo;
        }
        return new Trimmed(cuts.apply(in), jsonLd);
    }

    /** The byte ranges cut from the page, in order; the rest is copied once, into an array of the exact size. */
    static final class Cuts {
        private int[] ranges = new int[64];
        private int count;

        void cut(int from, int to) {
            if (count * 2 + 2 > ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[count * 2] = from;
            ranges[count * 2 + 1] = to;
            count++;
        }

        byte[] apply(byte[] in) {
            if (count == 0) {
                return in;
            }
            int length = in.length;
            for (int r = 0; r < count; r++) {
                length -= ranges[r * 2 + 1] - ranges[r * 2];
            }
            byte[] out = new byte[length];
            int at = 0;
            int copied = 0;
            for (int r = 0; r < count; r++) {
                int n = ranges[r * 2] - copied;
                System.arraycopy(in, copied, out, at, n);
                at += n;
                copied = ranges[r * 2 + 1];
            }
            System.arraycopy(in, copied, out, at, in.length - copied);
            return out;
        }
    }

    /** The offsets from which a search found nothing: the same search from there on cannot find anything either. */
    private static final class Unfound {
        int commentClose = Integer.MAX_VALUE;
        int tagEnd = Integer.MAX_VALUE;
        /** The end of an SVG left to the parser: the first {@code </svg} after any later SVG start before it. */
        int svgClose = -1;
        final int[] closing = new int[RAW_ELEMENTS.length];

        Unfound() {
            java.util.Arrays.fill(closing, Integer.MAX_VALUE);
        }
    }

    /** The index in RAW_ELEMENTS of the raw-text element whose start tag begins here, or -1. */
    private static int rawElementAt(byte[] in, int at) {
        int first = at < in.length ? in[at] | 0x20 : 0;
        if (first != 's' && first != 'n') {
            // most tags: none of script, style, svg, noscript
            return -1;
        }
        for (int k = 0; k < RAW_ELEMENTS.length; k++) {
            byte[] name = RAW_ELEMENTS[k];
            if (startsWithIgnoreCase(in, at, name)) {
                int after = at + name.length;
                if (after < in.length && (in[after] == '>' || in[after] == '/' || isSpace(in[after]))) {
                    return k;
                }
            }
        }
        return -1;
    }

    static int indexOfClosing(byte[] in, String view, byte[] name, int from) {
        for (int i = view.indexOf("</", from); i >= 0; i = view.indexOf("</", i + 1)) {
            if (startsWithIgnoreCase(in, i + 2, name)) {
                int after = i + 2 + name.length;
                if (after < in.length && (in[after] == '>' || isSpace(in[after]) || in[after] == '/')) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }

    static boolean startsWith(byte[] in, int at, byte[] prefix) {
        if (at + prefix.length > in.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (in[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] in, int at, byte[] lowerPrefix) {
        if (at < 0 || at + lowerPrefix.length > in.length) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length; k++) {
            byte b = in[at + k];
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + 32);
            }
            if (b != lowerPrefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(byte[] in, int from, int to, byte[] lowerNeedle) {
        for (int i = from; i + lowerNeedle.length <= to; i++) {
            if (startsWithIgnoreCase(in, i, lowerNeedle)) {
                return true;
            }
        }
        return false;
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
