package org.wiredesk.style;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word-level difference between two headlines: what was kept, taken out and put in, in reading order. */
public final class WordDiff {
    /** What happened to a piece of text. */
    public enum Kind { SAME, REMOVED, ADDED }

    /** One piece: a word or the space after it. */
    public record Piece(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    public static List<Piece> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Piece> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(out, Kind.SAME, a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(out, Kind.REMOVED, a.get(i++));
            } else {
                add(out, Kind.ADDED, b.get(j++));
            }
        }
        while (i < a.size()) {
            add(out, Kind.REMOVED, a.get(i++));
        }
        while (j < b.size()) {
            add(out, Kind.ADDED, b.get(j++));
        }
        return out;
    }

    private static void add(List<Piece> out, Kind kind, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Piece last = out.remove(out.size() - 1);
            out.add(new Piece(kind, last.text() + text));
        } else {
            out.add(new Piece(kind, text));
        }
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s == null ? "" : s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
