package org.wiredesk.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.story.Publication;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;

/**
 * A story as the site shows it: the stored story and its publication events, oldest first. The first event names
 * the page and says when the desk published it; the latest page event (publication or correction) is what the page
 * runs and is signed with; a kill at the end replaces the page with the withdrawal notice.
 */
record SiteStory(Story story, List<Publication> history) {
    SiteStory {
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(0).kind() == Publication.Kind.KILLED) {
            throw new IllegalArgumentException("story " + story.id() + " was never published");
        }
    }

    /** A correction as the page prints it: when, why, and the headline the story ran under before. */
    record Correction(Instant at, String note, String previousHeadline) {
    }

    StoryId id() {
        return story.id();
    }

    Publication first() {
        return history.get(0);
    }

    /** The latest publication or correction: the headline and time the page runs and is signed with. */
    Publication latest() {
        Publication latest = first();
        for (Publication p : history) {
            if (p.kind() != Publication.Kind.KILLED) {
                latest = p;
            }
        }
        return latest;
    }

    boolean killed() {
        return history.get(history.size() - 1).kind() == Publication.Kind.KILLED;
    }

    Optional<Instant> killedAt() {
        return killed() ? Optional.of(history.get(history.size() - 1).at()) : Optional.empty();
    }

    /** The page's address: made from the id and the first headline, so corrections keep it. */
    String page() {
        return PageRenderer.slugPath(id(), first().headline());
    }

    String ninjs() {
        return SiteLayout.ninjs(page());
    }

    String headline() {
        return latest().headline().text();
    }

    Instant publishedAt() {
        return first().at();
    }

    /** When the page was last corrected, if it was. */
    Optional<Instant> updatedAt() {
        Publication latest = latest();
        return latest == first() ? Optional.empty() : Optional.of(latest.at());
    }

    List<Correction> corrections() {
        List<Correction> out = new ArrayList<>();
        String before = first().headline().text();
        for (Publication p : history) {
            if (p.kind() == Publication.Kind.CORRECTED) {
                out.add(new Correction(p.at(), p.note() == null ? "" : p.note(), before));
                before = p.headline().text();
            }
        }
        return out;
    }

    /**
     * The fields the page is signed over, as the store recorded them: the latest headline, time and body
     * fingerprint; the markup fingerprint of the body as stored now, so a body changed since fails the signature.
     */
    PageFields fields() {
        Publication latest = latest();
        return new PageFields(id(), latest.headline().text(), latest.bodySha256(),
                Fingerprint.ofHtml(story.body().html()), story.pageAddress().map(Object::toString).orElse(""),
                latest.at());
    }

    /** The signature the store kept with the latest publication or correction (none before pages were signed). */
    Optional<String> signature() {
        return Optional.ofNullable(latest().signature());
    }

    String excerpt() {
        return Excerpt.of(story.body().html());
    }

    PageRenderer.RecentPost recentPost() {
        return new PageRenderer.RecentPost(headline(), excerpt(), page(), publishedAt());
    }
}
