package org.wiredesk.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.story.StoryId;

/**
 * Rebuilds every file of the site from the store's publication records, which are the truth: story pages (so each
 * one's Recent Posts is current), withdrawal notices, the index and archive pages, both feeds, a ninjs document
 * per story, the sitemap, the style sheet and the desk's key. A story page is re-rendered with the signature it
 * was published with, and only when that signature still holds for the store's record with one of the desk's keys:
 * a store changed behind the desk's back never reaches the site through a rebuild.
 */
final class SiteBuilder {
    /** Stories in a page's Recent Posts, as in the seed page. */
    static final int RECENT = 6;

    private final SiteStories stories;
    private final DeskSettings settings;
    private final DeskKeys keys;
    private final PageLayout layout = new PageLayout();
    private final PageRenderer pages = new PageRenderer(layout);
    private final ListingRenderer listings = new ListingRenderer(layout);
    private final FeedWriter feeds = new FeedWriter();
    private final NinjsWriter ninjs = new NinjsWriter();
    private final SitemapWriter sitemap = new SitemapWriter();
    private final String style = Html.load(SiteLayout.STYLE);

    SiteBuilder(SiteStories stories, DeskSettings settings, DeskKeys keys) {
        this.stories = stories;
        this.settings = settings;
        this.keys = keys;
    }

    /** What a rebuild wrote, and a sentence for each story it had to leave as it found it. */
    record Report(int pages, int withdrawn, int listed, List<String> notes) {
        Report {
            notes = List.copyOf(notes);
        }
    }

    /** Rebuilds the whole site in the folder. One build at a time per builder, and per folder across processes. */
    synchronized Report build(SiteFolder folder, Instant now) {
        try (Closeable lock = folder.lock()) {
            return buildLocked(folder, now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on " + folder.root() + ": " + e.getMessage(), e);
        }
    }

    private Report buildLocked(SiteFolder folder, Instant now) {
        SiteIdentity site = SiteIdentity.of(settings);
        List<SiteStory> all = stories.all();
        List<String> notes = new ArrayList<>();
        Map<StoryId, PageSignature> signed = signatures(all, folder, notes);
        // the listings hold what the site shows: re-rendered pages, and older pages kept as they were
        List<SiteStory> live = all.stream().filter(s -> !s.killed())
                .filter(s -> signed.containsKey(s.id()) || folder.has(s.page())).toList();
        List<PageRenderer.RecentPost> recent = live.stream().limit(RECENT + 1).map(SiteStory::recentPost).toList();
        int written = 0;
        int withdrawn = 0;
        for (SiteStory s : all) {
            List<PageRenderer.RecentPost> others = recent.stream().filter(p -> !p.href().equals(s.page()))
                    .limit(RECENT).toList();
            if (s.killed()) {
                folder.write(s.page(), pages.withdrawnPage(s, site, others, now));
                folder.write(s.ninjs(), ninjs.write(s, site));
                withdrawn++;
            } else if (signed.containsKey(s.id())) {
                folder.write(s.page(), pages.storyPage(s, signed.get(s.id()), site, others, now));
                folder.write(s.ninjs(), ninjs.write(s, site));
                written++;
            }
        }
        writeListings(folder, live, site, now);
        List<SiteStory> latest = live.subList(0, Math.min(SiteLayout.PER_PAGE, live.size()));
        folder.write(SiteLayout.RSS, feeds.write(FeedWriter.RSS_2, latest, site, now));
        folder.write(SiteLayout.ATOM, feeds.write(FeedWriter.ATOM_1, latest, site, now));
        folder.write(SiteLayout.SITEMAP, sitemap.write(live, SiteLayout.listingPages(live.size()), site));
        folder.write(SiteLayout.STYLE, style);
        folder.writeDeskKey(keys.current().getPublic());
        if (site.baseUrl().isEmpty()) {
            notes.add("the site's base URL is not set (" + DeskSettings.BASE_URL + "), so the feeds and the sitemap "
                    + "link by relative paths, which search engines and many feed readers do not follow");
        }
        return new Report(written, withdrawn, live.size(), notes);
    }

    /** The signature each live story's page can be re-rendered with; a sentence for each that cannot. */
    private Map<StoryId, PageSignature> signatures(List<SiteStory> all, SiteFolder folder, List<String> notes) {
        List<PublicKey> deskKeys = keys.publicKeys();
        Map<StoryId, PageSignature> out = new HashMap<>();
        for (SiteStory s : all) {
            if (s.killed()) {
                continue;
            }
            Optional<PageSignature> signature = signature(s, deskKeys);
            if (signature.isPresent()) {
                out.put(s.id(), signature.get());
                continue;
            }
            String why = s.signature().isEmpty() ? "was published before pages were signed"
                    : "no longer matches the signature it was published with, under any of the desk's keys";
            notes.add("story " + s.id() + " " + why + ": " + (folder.has(s.page())
                    ? "its page (" + s.page() + ") is left as it was" : "it is left off the site")
                    + "; verify --site says more");
        }
        return out;
    }

    private static Optional<PageSignature> signature(SiteStory s, List<PublicKey> deskKeys) {
        if (s.signature().isEmpty()) {
            return Optional.empty();
        }
        PageFields fields;
        try {
            fields = s.fields();
        } catch (IllegalArgumentException e) {
            // a record whose fingerprint is not one: nothing to re-render
            return Optional.empty();
        }
        for (PublicKey key : deskKeys) {
            PageSignature candidate = new PageSignature(fields, DeskKeys.keyId(key), s.signature().get());
            if (candidate.isValidFor(key)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The index and archive pages, and no archive page past the last (a kill can shorten the listing). */
    private void writeListings(SiteFolder folder, List<SiteStory> live, SiteIdentity site, Instant now) {
        int count = SiteLayout.listingPages(live.size());
        for (int n = 1; n <= count; n++) {
            int from = (n - 1) * SiteLayout.PER_PAGE;
            List<SiteStory> slice = live.subList(Math.min(from, live.size()),
                    Math.min(from + SiteLayout.PER_PAGE, live.size()));
            folder.write(SiteLayout.listing(n), listings.page(n, count, slice, site, now));
        }
        Set<String> archive = folder.list(SiteLayout.ARCHIVE);
        for (String name : archive) {
            if (name.matches("\\d{1,6}\\.html") && Integer.parseInt(name.replace(".html", "")) > count) {
                folder.delete(SiteLayout.ARCHIVE + "/" + name);
            }
        }
    }
}
