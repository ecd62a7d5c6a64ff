package org.wiredesk.publish;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The site's feeds, RSS 2.0 and Atom 1.0, written with ROME (which the desk already reads feeds with): the latest
 * stories, each with the house headline, its page's link, a stable id, when it was published and updated, and its
 * source credited as author and source. Links are absolute under the base URL when one is set.
 */
final class FeedWriter {
    static final String RSS_2 = "rss_2.0";
    static final String ATOM_1 = "atom_1.0";

    /** The feed of this type ({@link #RSS_2} or {@link #ATOM_1}) over {@code stories}, newest first. */
    String write(String type, List<SiteStory> stories, SiteIdentity site, Instant now) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setEncoding("UTF-8");
        feed.setTitle(site.label());
        feed.setDescription(site.disclaimer());
        feed.setLink(site.link(SiteLayout.INDEX));
        feed.setUri(site.feedUri());
        feed.setLanguage("en");
        feed.setGenerator("WireDesk");
        // the feed changes when a story in it does, not every time the site is rebuilt
        feed.setPublishedDate(Date.from(stories.isEmpty() ? now : stories.stream()
                .map(s -> s.updatedAt().orElse(s.publishedAt())).max(Instant::compareTo).orElseThrow()));
        feed.setLinks(List.of(link("alternate", site.link(SiteLayout.INDEX), "text/html"),
                link("self", site.link(type.equals(ATOM_1) ? SiteLayout.ATOM : SiteLayout.RSS),
                        type.equals(ATOM_1) ? "application/atom+xml" : "application/rss+xml")));
        List<SyndEntry> entries = new ArrayList<>();
        stories.forEach(s -> entries.add(entry(s, site)));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + type + " feed: " + e.getMessage(), e);
        }
    }

    private static SyndEntry entry(SiteStory s, SiteIdentity site) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(s.headline());
        entry.setLink(site.link(s.page()));
        entry.setUri(site.storyUri(s.id()));
        entry.setPublishedDate(Date.from(s.publishedAt()));
        entry.setUpdatedDate(Date.from(s.updatedAt().orElse(s.publishedAt())));
        entry.setAuthor(s.story().sourceName());
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(s.excerpt() + " (Source: " + s.story().sourceName() + ")");
        entry.setDescription(description);
        s.story().pageAddress().ifPresent(address -> {
            // the agency credited: RSS <source url>, Atom <source> with its title and link (its own page, else its
            // credit address)
            SyndFeed source = new SyndFeedImpl();
            source.setTitle(s.story().sourceName());
            source.setLink(address.toString());
            source.setUri(address.toString());
            entry.setSource(source);
        });
        return entry;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
