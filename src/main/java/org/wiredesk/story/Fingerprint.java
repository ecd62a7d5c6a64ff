package org.wiredesk.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a body's normalized text. Normalized means: Unicode NFC; every run of white space
 * ({@link Character#isWhitespace} and the no-break spaces U+00A0, U+2007, U+202F) becomes one space; none at
 * either end. Two renderings of the same body (stored HTML, a published page) have the same fingerprint.
 * This definition is part of every stored story: never change it, add a new one beside it.
 */
public final class Fingerprint {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Fingerprint() {
    }

    /** The text a fingerprint is taken of. */
    public static String normalize(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (isFolded(nfc)) {
            return nfc;
        }
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Whether white space is already single plain spaces between words. */
    private static boolean isFolded(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(s.length() - 1))) {
            return false;
        }
        boolean lastWasSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (c != ' ' || lastWasSpace) {
                    return false;
                }
                lastWasSpace = true;
            } else {
                lastWasSpace = false;
            }
        }
        return true;
    }

    /** The lower-case hex SHA-256 of the normalized text. */
    public static String ofText(String text) {
        return sha256Hex(normalize(text));
    }

    /**
     * The fingerprint of a body's markup: the SHA-256 of its stored HTML's UTF-8 bytes exactly as stored, so a
     * swapped link or an added tag breaks it even where the text is the same.
     */
    public static String ofHtml(String html) {
        return sha256Hex(html);
    }

    /** The lower-case hex SHA-256 of a string's UTF-8 bytes, as it is. */
    public static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }
}
