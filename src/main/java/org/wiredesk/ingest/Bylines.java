package org.wiredesk.ingest;

import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds who wrote an article and cleans it to names: no "By", no date, no handle, no link. */
final class Bylines {
    private static final String[] META = {"author", "byl", "dc.creator", "parsely-author", "sailthru.author",
            "article:author", "twitter:creator"};
    private static final String ELEMENTS = "[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], "
            + ".byline, .byline__name, .author-name, .author__name, [class*=byline], [data-byline], address.author, "
            + "[class*=author-name]";
    private static final Pattern PREFIX = Pattern.compile("(?i)^(written\\s+)?(by|par|por|von|di|door|av)\\s*:?\\s+");
    private static final Pattern DATE_OR_HANDLE = Pattern.compile(
            "(?i)(\\s[-–—|•·]\\s.*$|\\s@\\w.*$|\\s(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
            + "|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?\\s+\\d{1,2}\\b.*$|\\s\\d{1,2}[/.]\\d{1,2}[/.]"
            + "\\d{2,4}.*$|\\s(updated|published|posted)\\b.*$)");
    private static final int MAX_LENGTH = 120;

    private Bylines() {
    }

    static String find(Document page, Map<String, String> meta, String structured) {
        String found = clean(structured);
        if (found != null) {
            return found;
        }
        for (String key : META) {
            found = clean(meta.get(key));
            if (found != null) {
                return found;
            }
        }
        // lazily, in page order: the first element that cleans to a name ends the walk
        for (Element el : (Iterable<Element>) page.body().selectStream(ELEMENTS)::iterator) {
            found = clean(el.text());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A byline cleaned to names, or null when what is left is not a byline (a link, a handle, too long). */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || s.startsWith("http") || s.startsWith("@")) {
            return null;
        }
        s = PREFIX.matcher(s).replaceFirst("");
        s = DATE_OR_HANDLE.matcher(s).replaceFirst("").strip();
        s = s.replaceAll("[,;:|]+$", "").strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || !Character.isLetter(s.codePointAt(0))) {
            return null;
        }
        return s;
    }
}
