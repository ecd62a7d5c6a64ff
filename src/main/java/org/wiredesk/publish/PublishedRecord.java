package org.wiredesk.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.wiredesk.story.Headline;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * What the store says a story's page on the site should be, for the site check.
 *
 * @param firstHeadline the headline of its first publication, which names the page (corrections keep the address)
 * @param headline the headline of its latest publication or correction: the one the page should run
 * @param bodySha256 the body's text fingerprint as published
 * @param bodyHtmlSha256 the body's markup fingerprint, or null where the store does not know it
 * @param url the address printed under the source: the story's own web page, else its bound credit address
 * @param publishedAt the time of its latest publication or correction (milliseconds), the one the page is signed with
 * @param killed whether it was killed: its page should then be the withdrawal notice
 */
public record PublishedRecord(StoryId id, String firstHeadline, String headline, String bodySha256,
                              String bodyHtmlSha256, String url, Instant publishedAt, boolean killed) {
    public PublishedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstHeadline, "firstHeadline");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(publishedAt, "publishedAt");
        publishedAt = publishedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Where the page lives, relative to the site root. */
    public String page() {
        return PageRenderer.slugPath(id, new Headline(firstHeadline));
    }

    /**
     * The record of a story from its stored row and its publication history, oldest first (as
     * {@code WorkflowRepository.publications} gives it). The markup fingerprint is taken of the stored body.
     */
    public static PublishedRecord of(Story story, List<Publication> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("story " + story.id() + " was never published");
        }
        Publication latestPage = history.get(0);
        for (Publication p : history) {
            if (p.kind() != Publication.Kind.KILLED) {
                latestPage = p;
            }
        }
        boolean killed = history.get(history.size() - 1).kind() == Publication.Kind.KILLED;
        return new PublishedRecord(story.id(), history.get(0).headline().text(), latestPage.headline().text(),
                latestPage.bodySha256(), story.body().htmlSha256(),
                story.pageAddress().map(Object::toString).orElse(""), latestPage.at(), killed);
    }
}
