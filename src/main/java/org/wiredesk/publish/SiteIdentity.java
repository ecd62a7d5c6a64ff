package org.wiredesk.publish;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.wiredesk.story.StoryId;

/**
 * Who the site is, as every page, feed and ninjs document names it: the outlet ("IFP"), the section ("Media Wire"),
 * the label over every page ("IFP Media Wire"), the disclaimer naming the outlet, and the base URL when set.
 * Read once per build from {@link DeskSettings}, so one build never mixes two names.
 */
record SiteIdentity(String outlet, String section, String label, String disclaimer, Optional<String> baseUrl) {
    SiteIdentity {
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(disclaimer, "disclaimer");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    static SiteIdentity of(DeskSettings settings) {
        return new SiteIdentity(settings.outlet(), settings.section(), settings.label(), settings.disclaimer(),
                settings.baseUrl());
    }

    /**
     * A site path as feeds and the sitemap give it: absolute under the base URL when there is one, else as it is
     * (relative to the site root, where the feeds and the sitemap stand).
     */
    String link(String sitePath) {
        return baseUrl.map(base -> base + "/" + (sitePath.equals(SiteLayout.INDEX) ? "" : sitePath))
                .orElse(sitePath);
    }

    /**
     * A story's identifier in the feeds (guid, atom:id) and its ninjs document (uri): a name-based UUID of the outlet
     * and the story id, so it stays the same across rebuilds and does not change when the site moves to another
     * address, as a permalink would.
     */
    String storyUri(StoryId id) {
        return urn("story:" + id.value());
    }

    /** The feed's own identifier (atom:id). */
    String feedUri() {
        return urn("feed");
    }

    private String urn(String what) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("wiredesk:" + outlet + ":" + what)
                .getBytes(StandardCharsets.UTF_8));
    }
}
