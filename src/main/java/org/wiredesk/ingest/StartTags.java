package org.wiredesk.ingest;

/**
 * Reads a start tag in a page's raw bytes as the HTML tokenizer does (names, quoted and unquoted values, a
 * {@code >} inside quotes) and cuts the attributes that extraction never reads and the sanitizer never keeps:
 * {@code data-*} (but {@code data-byline}, which names a byline), event handlers ({@code on*}), {@code srcset}
 * and {@code sizes}. On news pages these are about a tenth of what is left after scripts and styles, and Jsoup
 * would build an object for each. The tag, its other attributes and everything between tags are kept as they are.
 */
final class StartTags {
    /** Elements whose content is text up to their end tag (RCDATA and RAWTEXT): nothing in them is a tag. */
    private static final byte[][] TEXT_ELEMENTS = {MarkupTrimmer.bytes("title"), MarkupTrimmer.bytes("textarea"),
        MarkupTrimmer.bytes("xmp"), MarkupTrimmer.bytes("iframe"), MarkupTrimmer.bytes("noembed"),
        MarkupTrimmer.bytes("noframes")};
    private static final byte[] DATA = MarkupTrimmer.bytes("data-");
    private static final byte[] DATA_BYLINE = MarkupTrimmer.bytes("data-byline");
    private static final byte[] SRCSET = MarkupTrimmer.bytes("srcset");
    private static final byte[] SIZES = MarkupTrimmer.bytes("sizes");

    private final byte[] in;
    private final String view;
    /** Set when a tag ran to the end of the page, or a text element never ended: from there on nothing is cut. */
    private boolean stopped;

    private final boolean cut;

    /**
     * @param view the same bytes as a Latin-1 string, for fast searches
     * @param cut  whether to cut attributes (else tags are only read past)
     */
    StartTags(byte[] in, String view, boolean cut) {
        this.in = in;
        this.view = view;
        this.cut = cut;
    }

    /**
     * Reads the start tag whose '<' is at {@code lt}, adds the cuts for its unread attributes, and returns where
     * reading goes on (past the tag, or past a text element's end tag); -1 when no start tag is read here.
     */
    int trim(int lt, MarkupTrimmer.Cuts cuts) {
        int i = lt + 1;
        if (stopped || i >= in.length || !isAsciiLetter(in[i])) {
            return -1;
        }
        int nameStart = i;
        while (i < in.length && !MarkupTrimmer.isSpace(in[i]) && in[i] != '/' && in[i] != '>') {
            i++;
        }
        int nameEnd = i;
        int[] found = new int[8];
        int attributes = 0;
        while (true) {
            // before an attribute's name
            while (i < in.length && (MarkupTrimmer.isSpace(in[i]) || in[i] == '/')) {
                i++;
            }
            if (i >= in.length) {
                stopped = true;
                return -1;
            }
            if (in[i] == '>') {
                break;
            }
            int attrStart = i;
            i++; // the first character belongs to the name, even '='
            while (i < in.length && !MarkupTrimmer.isSpace(in[i]) && in[i] != '/' && in[i] != '>' && in[i] != '=') {
                i++;
            }
            int attrNameEnd = i;
            while (i < in.length && MarkupTrimmer.isSpace(in[i])) {
                i++;
            }
            if (i < in.length && in[i] == '=') {
                i++;
                while (i < in.length && MarkupTrimmer.isSpace(in[i])) {
                    i++;
                }
                if (i < in.length && (in[i] == '"' || in[i] == '\'')) {
                    int close = view.indexOf(in[i], i + 1);
                    if (close < 0) {
                        stopped = true;
                        return -1;
                    }
                    i = close + 1;
                } else {
                    while (i < in.length && !MarkupTrimmer.isSpace(in[i]) && in[i] != '>') {
                        i++;
                    }
                }
            } else {
                // no value: the attribute ends at its name, and what follows starts another
                i = attrNameEnd;
            }
            if (cut && unread(attrStart, attrNameEnd)) {
                if (attributes * 2 + 2 > found.length) {
                    found = java.util.Arrays.copyOf(found, found.length * 2);
                }
                found[attributes * 2] = attrStart;
                found[attributes * 2 + 1] = i;
                attributes++;
            }
        }
        int tagEnd = i;
        for (int k = 0; k < attributes; k++) {
            cuts.cut(found[k * 2], found[k * 2 + 1]);
        }
        int text = textElement(nameStart, nameEnd);
        if (text < 0) {
            return tagEnd + 1;
        }
        int close = MarkupTrimmer.indexOfClosing(in, view, TEXT_ELEMENTS[text], tagEnd + 1);
        if (close < 0) {
            stopped = true;
            return tagEnd + 1;
        }
        return close;
    }

    /** Whether an attribute of this name is one nothing reads. */
    private boolean unread(int from, int to) {
        int length = to - from;
        if (length > 2 && (in[from] | 0x20) == 'o' && (in[from + 1] | 0x20) == 'n') {
            return true;
        }
        if (length > DATA.length && MarkupTrimmer.startsWithIgnoreCase(in, from, DATA)) {
            return !(length == DATA_BYLINE.length && MarkupTrimmer.startsWithIgnoreCase(in, from, DATA_BYLINE));
        }
        return length == SRCSET.length && MarkupTrimmer.startsWithIgnoreCase(in, from, SRCSET)
                || length == SIZES.length && MarkupTrimmer.startsWithIgnoreCase(in, from, SIZES);
    }

    private int textElement(int from, int to) {
        for (int k = 0; k < TEXT_ELEMENTS.length; k++) {
            byte[] name = TEXT_ELEMENTS[k];
            if (to - from == name.length && MarkupTrimmer.startsWithIgnoreCase(in, from, name)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }
}
