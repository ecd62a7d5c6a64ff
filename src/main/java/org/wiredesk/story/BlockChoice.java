package org.wiredesk.story;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy editor's choice of an archived original's own blocks as a story's body (issue 11, point 6; ADR 32): the
 * blocks' indexes in the original, ascending, and their texts (each a block as the original lists it: plain text,
 * white space folded). The body it makes is fixed by this record alone, so the database, {@code verify} and any
 * reader make the same one: each text escaped in a paragraph of its own, nothing between them. Words are never edited.
 */
public record BlockChoice(List<Integer> indexes, List<String> texts) {
    public BlockChoice {
        indexes = List.copyOf(indexes);
        texts = List.copyOf(texts);
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("a body needs at least one block");
        }
        if (indexes.size() != texts.size()) {
            throw new IllegalArgumentException("one text per chosen block");
        }
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i) < 0 || (i > 0 && indexes.get(i) <= indexes.get(i - 1))) {
                throw new IllegalArgumentException("block indexes are ascending, each once, from 0");
            }
            String text = texts.get(i);
            if (text.isEmpty() || !Fingerprint.normalize(text).equals(text)) {
                throw new IllegalArgumentException("block " + indexes.get(i) + " is not a block's folded text");
            }
        }
    }

    /** The body's HTML: {@code <p>text</p>} for each block, in order, with &amp;, &lt; and &gt; escaped. */
    public String html() {
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            out.append("<p>").append(escape(text)).append("</p>");
        }
        return out.toString();
    }

    /** The body's text fingerprint: its blocks' texts joined by single spaces (already folded). */
    public String bodySha256() {
        return Fingerprint.ofText(String.join(" ", texts));
    }

    /** The SHA-256 of the chosen texts, each followed by a line feed: what the choice recorded of the words. */
    public String blocksSha256() {
        return blocksSha256(texts);
    }

    /** The indexes as recorded: ascending, comma-separated ({@code 0,1,3}). */
    public String indexesText() {
        return indexesText(indexes);
    }

    /** The SHA-256 of these texts, each followed by a line feed. */
    public static String blocksSha256(List<String> texts) {
        StringBuilder all = new StringBuilder();
        texts.forEach(t -> all.append(t).append('\n'));
        return Fingerprint.sha256Hex(all.toString());
    }

    /** Indexes as recorded: ascending, comma-separated. */
    public static String indexesText(List<Integer> indexes) {
        StringBuilder out = new StringBuilder();
        for (Integer i : indexes) {
            out.append(out.length() == 0 ? "" : ",").append(i);
        }
        return out.toString();
    }

    /**
     * Indexes as recorded ({@code 0,1,3}) or as typed ({@code 0,1,3-7}): ascending and each once in the result.
     *
     * @throws IllegalArgumentException for anything else, with one sentence
     */
    public static List<Integer> parseIndexes(String text) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(p.substring(0, dash).strip());
                    int to = Integer.parseInt(p.substring(dash + 1).strip());
                    if (from > to || to - from > 100_000) {
                        throw new IllegalArgumentException("\"" + p + "\" is not a range of blocks");
                    }
                    for (int i = from; i <= to; i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + p + "\" is not a block number or a range such as 3-7");
            }
        }
        if (out.isEmpty() || out.first() < 0) {
            throw new IllegalArgumentException("block numbers start at 0");
        }
        return new ArrayList<>(out);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
