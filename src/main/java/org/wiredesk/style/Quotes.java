package org.wiredesk.style;

/** Straight quotes to typographic ones, by position: opening after a space or bracket, closing otherwise. */
final class Quotes {
    private Quotes() {
    }

    static String curl(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char before = i == 0 ? ' ' : s.charAt(i - 1);
            boolean opening = Character.isWhitespace(before) || "([{—–-".indexOf(before) >= 0;
            if (c == '"') {
                out.append(opening ? '\u201C' : '\u201D');
            } else if (c == '\'') {
                out.append(opening ? '\u2018' : '\u2019');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
