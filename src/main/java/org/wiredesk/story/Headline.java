package org.wiredesk.story;

/** A headline: one line of text, NFC-normalized, never blank. */
public record Headline(String text) {
    public static final int MAX_LENGTH = 1000;

    public Headline {
        if (text == null) {
            throw new IllegalArgumentException("a headline needs text");
        }
        // the same folding as body fingerprints; a stored headline is already folded, so this is a quick check
        text = Fingerprint.normalize(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a headline cannot be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a headline has at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
