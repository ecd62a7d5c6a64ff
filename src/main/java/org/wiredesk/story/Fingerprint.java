package org.wiredesk.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a body's normalized text: NFC, white space folded to single spaces, trimmed.
 * Two renderings of the same body (stored HTML, a published page) have the same fingerprint.
 */
public final class Fingerprint {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Fingerprint() {
    }

    /** The text a fingerprint is taken of. */
    public static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").trim();
    }

    /** The lower-case hex SHA-256 of the normalized text. */
    public static String ofText(String text) {
        return sha256Hex(normalize(text));
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
