package org.wiredesk.story;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The web address the desk prints under an agency's stories that have no public page of their own (an agency's
 * NewsML-G2 or ninjs item, a file dropped in): set for the agency on the Sources screen, kept once set (a new
 * address is a new record, the latest is in force), and bound to a story by its approval.
 *
 * @param sourceName the agency as its stories name it ({@link Story#sourceName()}); one agency whatever the case
 * @param address an absolute http or https address
 * @param author the member who set it
 * @param at when it was set
 */
public record CreditAddress(String sourceName, URI address, String author, Instant at) {
    public CreditAddress {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(address, "address");
        if (sourceName.isBlank()) {
            throw new IllegalArgumentException("a credit address is set for a named source");
        }
        sourceName = sourceName.strip();
    }

    /** The key an agency's addresses are kept under: its name, trimmed and in lower case. */
    public static String keyOf(String sourceName) {
        return sourceName == null ? "" : sourceName.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The address a member typed, checked: an absolute http or https address with a host and no spaces.
     *
     * @throws IllegalArgumentException saying why, in one sentence
     */
    public static URI parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A credit address is needed: the agency's web address, such as "
                    + "https://www.dpa.com");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("«" + text + "» is not a web address: " + e.getReason());
        }
        if (!Story.isWebAddress(uri) || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("«" + text + "» is not an absolute http or https address, such as "
                    + "https://www.dpa.com");
        }
        if (text.length() > 2000) {
            throw new IllegalArgumentException("A credit address is at most 2,000 characters long");
        }
        return uri;
    }
}
