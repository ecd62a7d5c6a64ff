package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Trims the edges of the blocks chosen as an article: headings left without a section (a "Related posts" heading
 * whose list was furniture), and the tail after the last paragraph of prose when it opens with a heading or a
 * label ("Contact:", "Read more:"), which is where pages put what follows an article. It only cuts after the last
 * prose paragraph, so a short closing line of the story itself (with its full stop) stays.
 */
final class BodyEdges {
    /**
     * A line ending in a colon opens a section only when this short ("Contact:"); longer, it introduces a list. Short
     * lines without a colon are left alone: they are as often a story's last words as a page's.
     */
    private static final int SHORT_LABEL = 40;
    /** A label is a few words ("Read more:"); more words ending in a colon are a sentence introducing what follows. */
    private static final int LABEL_WORDS = 4;
    /** A block this long is prose whatever its last character. */
    private static final int LONG_PROSE = 250;
    private static final int MIN_PROSE = 40;
    /** A tail holding a block this long (and not mostly links) is not cut. */
    private static final int SUBSTANTIAL = 150;
    private static final double MAX_PROSE_LINKS = 0.3;
    /** Longer than this, an h2-h6 is a paragraph styled big (a lead), not a heading. */
    private static final int HEADING_MAX = 150;

    private BodyEdges() {
    }

    /** The blocks, in order, without orphan headings and without a furniture tail. */
    static List<Element> trim(List<Element> blocks, TextStats stats) {
        List<Element> out = dropOrphanHeadings(blocks, stats);
        int lastProse = -1;
        for (int i = out.size() - 1; i >= 0 && lastProse < 0; i--) {
            if (isProse(out.get(i), stats)) {
                lastProse = i;
            }
        }
        if (lastProse < 0) {
            return out;
        }
        int cut = -1;
        for (int i = lastProse + 1; i < out.size() && cut < 0; i++) {
            if (opensSection(out.get(i), stats)) {
                cut = i;
            }
        }
        if (cut < 0) {
            return out;
        }
        for (int i = cut + 1; i < out.size(); i++) {
            if (stats.letters(out.get(i)) >= SUBSTANTIAL && stats.linkDensity(out.get(i)) <= MAX_PROSE_LINKS) {
                // more running text follows: the section may well be the article's own
                return out;
            }
        }
        return new ArrayList<>(out.subList(0, cut));
    }

    /** A heading followed by no content before the next heading of the same or a higher rank, or the end. */
    private static List<Element> dropOrphanHeadings(List<Element> blocks, TextStats stats) {
        List<Element> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            int rank = headingRank(blocks.get(i), stats);
            if (rank > 0) {
                int next = i + 1 < blocks.size() ? headingRank(blocks.get(i + 1), stats) : 1;
                if (next > 0 && next <= rank) {
                    continue;
                }
            }
            out.add(blocks.get(i));
        }
        return out;
    }

    /** 1 to 6 for a heading h1 to h6 of heading length, else 0. */
    static int headingRank(Element block, TextStats stats) {
        String tag = block.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                && stats.letters(block) <= HEADING_MAX ? tag.charAt(1) - '0' : 0;
    }

    private static boolean opensSection(Element block, TextStats stats) {
        if (headingRank(block, stats) > 0) {
            return true;
        }
        if (stats.letters(block) > SHORT_LABEL) {
            return false;
        }
        String text = block.text().strip();
        return text.endsWith(":") && text.split(" ").length <= LABEL_WORDS;
    }

    /** A paragraph of running text: long, or of some length and ending as a sentence ends, and not mostly links. */
    static boolean isProse(Element block, TextStats stats) {
        if (block.normalName().equals("pre")) {
            return true;
        }
        if (headingRank(block, stats) > 0 || stats.linkDensity(block) > MAX_PROSE_LINKS) {
            return false;
        }
        int letters = stats.letters(block);
        return letters >= LONG_PROSE || letters >= MIN_PROSE && endsSentence(block.text().strip());
    }

    /** Whether the text ends with a sentence's final punctuation, possibly followed by closing quotes or brackets. */
    static boolean endsSentence(String text) {
        int i = text.length() - 1;
        while (i >= 0 && isCloser(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = text.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？' || c == '؟'
                || c == '।' || c == '։';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == '«' || c == ')' || c == ']'
                || c == '“' || c == '」' || c == '』' || c == '）' || Character.isWhitespace(c);
    }
}
