package org.wiredesk.desk.publish;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.SourceWithdrawals;
import org.wiredesk.story.Role;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.store.StoryRepository;
import org.wiredesk.store.WithdrawalRepository;

/**
 * Tells the desk chiefs when a source withdrew a story we ran, and runs the re-check of published stories'
 * source pages on this workstation (an editor's or a desk chief's). Each {@link #check()} asks the store, off the FX
 * thread, for notes made since the last one, wherever they were made (a re-check here, a feed's tombstone polled
 * on another workstation): the open screens reload, and a desk chief gets an alert. The first check also alerts a
 * desk chief to stories still running whose source withdrew them before the desk was opened.
 */
public final class WithdrawalAlerts {
    /** What a desk chief is told: the (latest) story concerned and a sentence. */
    public record Alert(StoryId story, String text) {
    }

    private record Found(long latest, List<SourceWithdrawal> news) {
    }

    private final SourceWithdrawals withdrawals;
    private final StoryRepository stories;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<Alert> alert = new ReadOnlyObjectWrapper<>(this, "alert");
    /** The id of the latest note seen; -1 before the first check. */
    private long last = -1;
    private boolean checking;
    private boolean rechecking;

    public WithdrawalAlerts(SourceWithdrawals withdrawals, StoryRepository stories, User user, TaskRunner runner,
                            StoreChanges changes, Consumer<Throwable> onError) {
        this.withdrawals = withdrawals;
        this.stories = stories;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.onError = onError;
    }

    /** Looks for notes made since the last check (a second call while one runs adds nothing). */
    public void check() {
        if (checking) {
            return;
        }
        checking = true;
        long since = last;
        runner.run(() -> find(since), found -> {
            checking = false;
            boolean first = last < 0;
            last = found.latest();
            if (!found.news().isEmpty()) {
                if (!first) {
                    changes.changed();
                }
                if (user.has(Role.DESK_CHIEF)) {
                    alert.set(alertOf(found.news()));
                }
            }
        }, e -> {
            checking = false;
            onError.accept(e);
        });
    }

    /** Asks every published story's source page again, then checks for what it noted. Not for a copy editor. */
    public void recheck() {
        if (!withdrawals.mayNote() || rechecking) {
            return;
        }
        rechecking = true;
        runner.run(withdrawals::recheck, findings -> {
            rechecking = false;
            check();
        }, e -> {
            rechecking = false;
            onError.accept(e);
        });
    }

    /** Whether this workstation re-checks the published stories' sources (an editor's or a desk chief's). */
    public boolean rechecks() {
        return withdrawals.mayNote();
    }

    private Found find(long since) {
        if (since >= 0) {
            List<WithdrawalRepository.Noted> noted = withdrawals.notedAfter(since);
            long latest = noted.stream().mapToLong(WithdrawalRepository.Noted::id).max().orElse(since);
            return new Found(latest, noted.stream().map(WithdrawalRepository.Noted::withdrawal).toList());
        }
        long latest = withdrawals.latestNote();
        List<SourceWithdrawal> running = withdrawals.onPublishedStories().stream()
                .map(WithdrawalRepository.Noted::withdrawal)
                .filter(w -> stories.find(w.story()).map(s -> s.status() == Status.PUBLISHED).orElse(false))
                .toList();
        return new Found(latest, running);
    }

    private Alert alertOf(List<SourceWithdrawal> news) {
        SourceWithdrawal latest = news.get(news.size() - 1);
        String headline = stories.find(latest.story()).map(Story::runningHeadline).map(h -> h.text())
                .orElse("story " + latest.story());
        long stories = news.stream().map(SourceWithdrawal::story).distinct().count();
        String what = "\u201c" + headline + "\u201d (" + latest.mark(ZoneId.systemDefault()).replace("Source withdrew: ",
                "") + ")";
        String text = stories == 1 ? "The source withdrew a story we ran: " + what + ". Kill our copy from the "
                + "Published view." : "The sources withdrew " + stories + " stories we ran, the latest " + what
                + ". Kill our copies from the Published view.";
        return new Alert(latest.story(), text);
    }

    /** The latest alert for a desk chief (null until there is one). */
    public ReadOnlyObjectProperty<Alert> alertProperty() {
        return alert.getReadOnlyProperty();
    }
}
