package org.wiredesk.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Text that did not decode cleanly (ADR 20): replacement characters where bytes could not be read, C1 control
 * characters no writer meant, and UTF-8 decoded a second time as windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for
 * "’"). Such text is refused rather than stored, because a stored body can never be corrected.
 */
final class Mojibake {
    /** What windows-1252 puts at 0x80-0x9F (0 where it puts nothing), as HTML reads C1 references and labels. */
    private static final char[] WINDOWS_1252 = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
        0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};
    /**
     * Second bytes that legitimately follow a capital letter or an "ß" in real text: quotes, guillemets, dashes, the
     * ellipsis, a no-break or soft hyphen, registered and trade marks, degrees, superscripts ("Straße“", "IRMÃ»",
     * "NESTLÉ®"). A pair ending in one of these counts only when it sits inside a lower-case word.
     */
    private static final String NATURAL_AFTER_A_WORD = "\u2018\u2019\u201C\u201D\u201A\u201E\u2039\u203A\u00AB\u00BB"
            + "\u00A0\u2026\u2013\u2014\u00AE\u2122\u00B7\u00B0\u00B2\u00B3\u00B9\u00AD";

    private Mojibake() {
    }

    /**
     * The text with each C1 control character that windows-1252 defines replaced by the character it stands for
     * ("don\u0092t" is "don’t"): what feeds carry when windows-1252 text was labelled Latin-1, or written as
     * {@code &#146;} in XML, where references are not read the way HTML reads them. The five C1 codes windows-1252
     * leaves undefined stay, and make the text refused.
     */
    static String windows1252Controls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F && WINDOWS_1252[c - 0x80] != 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, WINDOWS_1252[c - 0x80]);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * One sentence saying how {@code what} ("the headline") did not decode cleanly, or null when it reads as text.
     * {@code readAs} says which charset it was read in, and why.
     */
    static String problem(String what, String text, String readAs) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int replacements = 0;
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                replacements++;
            } else if (c >= 0x80 && c <= 0x9F) {
                controls++;
            }
        }
        if (replacements > 0) {
            return what + " did not decode cleanly: it holds " + count(replacements, "replacement character")
                    + " (U+FFFD) where bytes could not be read as " + readAs;
        }
        if (controls > 0) {
            return what + " did not decode cleanly: it holds " + count(controls, "C1 control character")
                    + " (U+0080-U+009F), which no text contains, read as " + readAs;
        }
        Found found = doubleEncoded(text);
        if (found != null) {
            return what + " is UTF-8 decoded twice (\"" + found.example + "\" where the source meant \""
                    + found.meant + "\", " + count(found.occurrences, "time") + "), read as " + readAs;
        }
        return null;
    }

    private record Found(String example, String meant, int occurrences) {
    }

    /**
     * Runs of characters that, turned back into windows-1252 bytes, are one well-formed multi-byte UTF-8 character.
     * Reported when one of them is a strong sign (a three- or four-byte character from punctuation or emoji, as
     * "â€™" or "ðŸ˜€", or a pair inside a lower-case word, as "cafÃ©") or when two or more ordinary pairs are found;
     * a single pair after a capital is real text often enough ("SÃO PAULO»" holds none, "IRMÃ»" one) to be let be.
     */
    static Found doubleEncoded(String text) {
        int all = 0;
        boolean strong = false;
        String example = null;
        String meant = null;
        for (int i = 0; i < text.length(); i++) {
            int lead = byteOf(text.charAt(i));
            int extra = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
                    : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
            if (extra == 0 || i + extra >= text.length()) {
                continue;
            }
            byte[] bytes = new byte[extra + 1];
            bytes[0] = (byte) lead;
            boolean ok = true;
            for (int k = 1; k <= extra && ok; k++) {
                int b = byteOf(text.charAt(i + k));
                ok = b >= 0x80 && b <= 0xBF;
                bytes[k] = (byte) b;
            }
            if (!ok) {
                continue;
            }
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            if (decoded.codePointCount(0, decoded.length()) != 1 || decoded.indexOf('\uFFFD') >= 0) {
                continue; // overlong, surrogate or out of range: not a character UTF-8 could have written
            }
            int cp = decoded.codePointAt(0);
            boolean insideLowerCaseWord = i > 0 && Character.isLowerCase(text.charAt(i - 1))
                    && Character.isUpperCase(text.charAt(i));
            boolean isStrong = (extra >= 2 && (cp >= 0x2000 && cp <= 0x206F || cp >= 0x20A0 && cp <= 0x20CF
                    || cp >= 0x2100 && cp <= 0x214F)) || extra == 3 || insideLowerCaseWord;
            boolean natural = extra == 1 && NATURAL_AFTER_A_WORD.indexOf(text.charAt(i + 1)) >= 0;
            if (!isStrong && natural) {
                continue;
            }
            all++;
            if (example == null || isStrong && !strong) {
                example = text.substring(i, i + extra + 1);
                meant = decoded;
            }
            strong |= isStrong;
            i += extra;
        }
        return strong || all >= 2 ? new Found(example, meant, all) : null;
    }

    /** The windows-1252 (or, for its five gaps, Latin-1) byte a character is, or -1 when it is neither. */
    private static int byteOf(char c) {
        if (c <= 0xFF) {
            return c;
        }
        for (int b = 0; b < WINDOWS_1252.length; b++) {
            if (WINDOWS_1252[b] == c) {
                return 0x80 + b;
            }
        }
        return -1;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
