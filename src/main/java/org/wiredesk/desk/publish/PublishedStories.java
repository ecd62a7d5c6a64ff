package org.wiredesk.desk.publish;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wiredesk.ingest.SourceWithdrawals;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Status;
import org.wiredesk.story.StatusChange;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.workflow.DeskService;

/** Reads the stories the desk has published or killed, newest publication first, for the Published view. */
final class PublishedStories {
    /** Enough for a desk's working days; the site's own index lists fewer. */
    static final int SHOWN = 200;
    /** A page's address, made by PageRenderer.slugPath from the story's id: "stories/12-council-passes.html". */
    private static final Pattern PAGE = Pattern.compile("stories/(\\d+)(?:-[^/]*)?\\.html");

    private final StoryRepository stories;
    private final DeskService desk;
    /** What the sources withdrew, when the desk shows it (null: not shown). */
    private volatile SourceWithdrawals withdrawals;

    PublishedStories(StoryRepository stories, DeskService desk) {
        this.stories = stories;
        this.desk = desk;
    }

    void showWithdrawals(SourceWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    // one history query per story, as the held list does: no service call yet lists publications with their story
    List<PublishedStory> load() {
        List<StorySummary> rows = stories.summaries(Set.of(Status.PUBLISHED, Status.KILLED), SHOWN);
        Map<StoryId, SourceWithdrawal> withdrawn = firstWithdrawals();
        return rows.stream().map(row -> published(row, withdrawn.get(row.id())))
                .sorted(Comparator.comparing(PublishedStory::publishedAt, Comparator.reverseOrder())).toList();
    }

    /** The first note on each story that its source withdrew it: the one a desk chief acts on. */
    private Map<StoryId, SourceWithdrawal> firstWithdrawals() {
        Map<StoryId, SourceWithdrawal> out = new HashMap<>();
        SourceWithdrawals shown = withdrawals;
        if (shown != null) {
            shown.onPublishedStories().forEach(n -> out.putIfAbsent(n.withdrawal().story(), n.withdrawal()));
        }
        return out;
    }

    private PublishedStory published(StorySummary row, SourceWithdrawal withdrawn) {
        Instant publishedAt = null;
        Instant updatedAt = null;
        int corrections = 0;
        for (StatusChange change : desk.statusHistory(row.id())) {
            if (change.to() == Status.PUBLISHED && change.from() != Status.PUBLISHED) {
                publishedAt = change.at();
            } else if (change.from() == Status.PUBLISHED) {
                // a correction (published to published) or the kill
                updatedAt = change.at();
                corrections += change.to() == Status.PUBLISHED ? 1 : 0;
            }
        }
        return new PublishedStory(row.id(), row.runningHeadline().text(), row.sourceName(), row.status(),
                publishedAt != null ? publishedAt : row.updated(), updatedAt, corrections, withdrawn);
    }

    /**
     * The story a recent post is the page of. A post carries its page's address, not its story's id, and the address
     * is made from the id (PageRenderer.slugPath), so the id is read back from it.
     */
    static Optional<StoryId> storyOf(RecentPost post) {
        Matcher m = PAGE.matcher(post.href());
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        return id > 0 ? Optional.of(new StoryId(id)) : Optional.empty();
    }
}
