package org.wiredesk.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wiredesk.story.Role;
import org.wiredesk.story.Source;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.WithdrawalRepository;

/**
 * Notices that a source withdrew a story the desk ran, and notes it for the desk chiefs: by asking each published
 * story's source page again (404 or 410 means gone; anything else, a redirect to a live page, a timeout or a
 * network failure does not), and by reading the tombstones of the feeds the desk polls (RFC 6721). Only an editor
 * or a desk chief notes; on anyone else's workstation this does nothing (the database would refuse it anyway).
 */
public final class SourceWithdrawals {
    private final WithdrawalRepository marks;
    private final DocumentLoader loader;
    private final Clock clock;
    private final boolean mayNote;

    public SourceWithdrawals(WithdrawalRepository marks, DocumentLoader loader, Clock clock, User member) {
        this.marks = marks;
        this.loader = loader;
        this.clock = clock;
        this.mayNote = mayNote(member);
    }

    /** Whether this member notes what the sources withdrew: an editor (sources) or a desk chief (kills). */
    public static boolean mayNote(User member) {
        return member.has(Role.EDITOR) || member.has(Role.DESK_CHIEF);
    }

    /** Whether the signed-in member notes withdrawals (else re-checks and tombstones are left to others). */
    public boolean mayNote() {
        return mayNote;
    }

    /**
     * What one published story's source page answered.
     *
     * @param status the final HTTP status, 0 when it could not be asked
     * @param problem why it could not be asked (a network failure, a timeout), or null
     * @param noted whether this check noted the withdrawal (false for a page already noted gone)
     */
    public record Finding(StoryId story, String url, int status, String problem, boolean noted) {
        public boolean gone() {
            return SourceWithdrawal.How.ofStatus(status) != null;
        }

        /** "Story 12: https://... answered 410: the source withdrew it (noted)". */
        public String line() {
            String head = "Story " + story + ": " + url;
            if (problem != null) {
                return head + " could not be checked (" + problem + "): not taken as withdrawn";
            }
            return head + " answered " + status + (gone() ? ": the source withdrew it" + (noted ? " (noted)" : "")
                    : "");
        }
    }

    /** Asks every published story's source page, one after the other, and notes the ones gone. */
    public List<Finding> recheck() {
        if (!mayNote) {
            throw new WorkflowException("Only an editor or a desk chief checks what the sources withdrew");
        }
        List<Finding> out = new ArrayList<>();
        for (WithdrawalRepository.OnTheWeb story : marks.toRecheck()) {
            out.add(check(story));
        }
        return out;
    }

    private Finding check(WithdrawalRepository.OnTheWeb story) {
        DocumentLoader.Answer answer;
        try {
            answer = loader.answer(story.url());
        } catch (SourceUnavailableException e) {
            return new Finding(story.id(), story.url(), 0, e.getMessage(), false);
        }
        SourceWithdrawal.How how = SourceWithdrawal.How.ofStatus(answer.status());
        if (how == null) {
            return new Finding(story.id(), story.url(), answer.status(), null, false);
        }
        String where = answer.at() == null || answer.at().toString().equals(story.url()) ? story.url()
                : story.url() + " (redirected to " + answer.at() + ")";
        try {
            boolean noted = marks.note(story.id(), how, where + " answered HTTP " + answer.status(), clock.instant());
            return new Finding(story.id(), story.url(), answer.status(), null, noted);
        } catch (StoreException e) {
            // killed meanwhile, say: the next re-check no longer asks about it
            return new Finding(story.id(), story.url(), answer.status(), e.getMessage(), false);
        }
    }

    /**
     * Notes the published stories of this source that its feed marks deleted; returns them. A feed speaks only for
     * the items that came from it, under their guid or address.
     */
    public List<StoryId> tombstones(Source source, SourceDocument feed) {
        if (!mayNote || source.id() <= 0) {
            return List.of();
        }
        Set<StoryId> out = new LinkedHashSet<>();
        for (FeedTombstones.Tombstone t : FeedTombstones.read(feed)) {
            Optional<StoryId> story = t.keys().stream().map(k -> marks.publishedFrom(source.id(), k))
                    .flatMap(Optional::stream).findFirst();
            if (story.isPresent() && !out.contains(story.get())) {
                String detail = "the feed " + feed.origin() + " marked it deleted (ref "
                        + (t.ref().isEmpty() ? t.keys().iterator().next() : t.ref())
                        + (t.when().isEmpty() ? "" : ", when " + t.when())
                        + (t.comment().isEmpty() ? "" : ": \u201c" + t.comment() + "\u201d") + ")";
                try {
                    if (marks.note(story.get(), SourceWithdrawal.How.FEED_WITHDRAWN, detail, clock.instant())) {
                        out.add(story.get());
                    }
                } catch (StoreException e) {
                    // killed meanwhile, say: the feed's items are ingested all the same
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every note on stories that are published or were killed, oldest first. */
    public List<WithdrawalRepository.Noted> onPublishedStories() {
        return marks.onPublishedStories();
    }

    /** The notes made after the one with this id (0: all), oldest first. */
    public List<WithdrawalRepository.Noted> notedAfter(long id) {
        return marks.after(id);
    }

    /** The id of the latest note (0: none), where {@link #notedAfter(long)} starts. */
    public long latestNote() {
        return marks.latest();
    }
}
