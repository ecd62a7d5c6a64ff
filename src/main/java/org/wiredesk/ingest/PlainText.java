package org.wiredesk.ingest;

import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Headlines, bylines and source names as plain text, decoded exactly once. JSON-LD strings and some meta tags carry
 * HTML character references escaped a second time ({@code &#8211;}, {@code &#038;}), which would otherwise stay
 * in an agency headline forever; a site name is a name, not a JSON-LD id or an address, and not said twice.
 */
final class PlainText {
    /** A character reference left in text that should have been decoded already. */
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPLIT = Pattern.compile("\\s+[|\\-–—·:]\\s+");

    private PlainText() {
    }

    /** The text with any character reference left in it decoded (once more), and its spaces made plain. */
    static String decoded(String text) {
        if (text == null) {
            return null;
        }
        String out = REFERENCE.matcher(text).find() ? Parser.unescapeEntities(text, false) : text;
        out = out.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        return out.isEmpty() ? null : out;
    }

    /**
     * The headline without the site's name as its first or last segment ("Diario HOY | Darán bendición ..." from
     * Diario HOY): the page's credit line names the site already, and the agency headline is kept for ever. The
     * name stays when what is left would be a single word (then the "site name" was likely the headline itself).
     */
    static String withoutSiteName(String headline, String siteName) {
        if (headline == null || siteName == null || siteName.isBlank()) {
            return headline;
        }
        String site = siteName.strip();
        java.util.regex.Matcher m = SPLIT.matcher(headline);
        int firstStart = -1;
        int firstEnd = -1;
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (firstStart < 0) {
            return headline;
        }
        String rest = null;
        if (headline.substring(lastEnd).strip().equalsIgnoreCase(site)) {
            rest = headline.substring(0, lastStart);
        } else if (headline.substring(0, firstStart).strip().equalsIgnoreCase(site)) {
            rest = headline.substring(firstEnd);
        }
        return rest != null && rest.strip().split("\\s+").length >= 2 ? rest.strip() : headline;
    }

    /**
     * A site's name as readers know it: decoded; null when it is an id or an address (a JSON-LD {@code @id} such as
     * "/#organization"); and "Diario HOY | Diario HOY" said once.
     */
    static String siteName(String name) {
        String n = decoded(name);
        if (n == null || n.startsWith("/") || n.startsWith("#") || n.contains("://")) {
            return null;
        }
        String[] parts = SPLIT.split(n);
        if (parts.length > 1) {
            boolean same = true;
            for (String part : parts) {
                same &= part.equalsIgnoreCase(parts[0]);
            }
            if (same) {
                return parts[0];
            }
        }
        return n;
    }
}
