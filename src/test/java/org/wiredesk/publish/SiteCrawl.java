package org.wiredesk.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Follows every relative link (href and src) from a start page through the site's HTML pages, as a reader or a
 * mirroring tool would, and notes each one that does not end at a file inside the site folder. Absolute links
 * (the source's URL, the canonical link to it) leave the site by design and are not followed.
 */
final class SiteCrawl {
    private final Path site;
    private final Set<String> reached = new LinkedHashSet<>();
    private final List<String> broken = new ArrayList<>();

    private SiteCrawl(Path site) {
        this.site = site.toAbsolutePath().normalize();
    }

    /** What a crawl from {@code start} (a path relative to the site root) reached, and what it could not. */
    record Result(Set<String> reached, List<String> broken) {
    }

    static Result from(Path site, String start) {
        SiteCrawl crawl = new SiteCrawl(site);
        crawl.run(start);
        return new Result(Set.copyOf(crawl.reached), List.copyOf(crawl.broken));
    }

    private void run(String start) {
        Deque<String> pages = new ArrayDeque<>(List.of(start));
        reached.add(start);
        while (!pages.isEmpty()) {
            String page = pages.pop();
            for (String link : links(page)) {
                String target = resolve(page, link);
                if (target == null) {
                    broken.add(page + " -> " + link);
                } else if (reached.add(target) && target.endsWith(".html")) {
                    pages.push(target);
                }
            }
        }
    }

    private List<String> links(String page) {
        try {
            return Jsoup.parse(site.resolve(page).toFile(), "UTF-8").select("[href], [src]").stream()
                    .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                    .filter(link -> !isAbsolute(link)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAbsolute(String link) {
        return link.startsWith("//") || URI.create(link.replace(" ", "%20")).getScheme() != null;
    }

    /** The file a link from {@code page} reaches, relative to the site root; null when it is not in the site. */
    private String resolve(String page, String link) {
        String path = link.replaceAll("[#?].*$", "");
        if (path.isEmpty()) {
            return page;
        }
        Path target = site.resolve(page).getParent().resolve(path).normalize();
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            return null;
        }
        return site.relativize(target).toString().replace('\\', '/');
    }
}
