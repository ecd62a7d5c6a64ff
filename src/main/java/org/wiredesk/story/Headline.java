package org.wiredesk.story;

import java.text.Normalizer;

/** A headline: one line of text, NFC-normalized, never blank. */
public record Headline(String text) {
    public static final int MAX_LENGTH = 1000;

    public Headline {
        if (text == null) {
            throw new IllegalArgumentException("a headline needs text");
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\s\\u00A0]+", " ").strip();
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
