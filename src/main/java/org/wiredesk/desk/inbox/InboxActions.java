package org.wiredesk.desk.inbox;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestService;
import org.wiredesk.story.Action;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.User;
import org.wiredesk.store.InboxRepository;
import org.wiredesk.workflow.DeskService;

/**
 * The inbox's triage actions on the selected rows: spike (with undo), unspike, priority flags, read marks, and an
 * address pasted to ingest. Each runs off the FX thread, says what was done (or why not) and tells the desk the
 * store changed, so every screen follows.
 */
public final class InboxActions {
    private final InboxRepository inbox;
    private final DeskService desk;
    private final IngestService ingest;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    /** Says a sentence: (is it a problem, the sentence). */
    private final BiConsumer<Boolean, String> say;
    private List<StoryId> lastSpiked = List.of();

    InboxActions(InboxRepository inbox, DeskService desk, IngestService ingest, User user, TaskRunner runner,
                 StoreChanges changes, BiConsumer<Boolean, String> say) {
        this.inbox = inbox;
        this.desk = desk;
        this.ingest = ingest;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.say = say;
    }

    public boolean canSpike(StorySummary row) {
        return row != null && Action.SPIKE.allowedFrom(row.status()) && Action.SPIKE.allowedFor(user);
    }

    public boolean canUnspike(StorySummary row) {
        return row != null && Action.UNSPIKE.allowedFrom(row.status()) && Action.UNSPIKE.allowedFor(user);
    }

    public void spike(List<StorySummary> selected) {
        List<StorySummary> spikeable = selected.stream().filter(r -> Action.SPIKE.allowedFrom(r.status())).toList();
        act(spikeable, () -> {
            for (StorySummary row : spikeable) {
                desk.spike(user, row.id());
            }
            lastSpiked = spikeable.stream().map(StorySummary::id).toList();
            return "Spiked " + plural(spikeable.size()) + " (Ctrl+Z to undo)";
        });
    }

    /** Takes back the last spike. */
    public void undoSpike() {
        List<StoryId> ids = lastSpiked;
        if (ids.isEmpty()) {
            say.accept(true, "Nothing to undo");
            return;
        }
        act(List.of(), () -> {
            for (StoryId id : ids) {
                desk.unspike(user, id);
            }
            lastSpiked = List.of();
            return "Restored " + plural(ids.size());
        });
    }

    public void unspike(List<StorySummary> selected) {
        act(selected, () -> {
            for (StorySummary row : selected) {
                desk.unspike(user, row.id());
            }
            return "Restored " + plural(selected.size());
        });
    }

    /** Flags the selection as priority, or unflags it when all of it is flagged already. */
    public void togglePriority(List<StorySummary> selected) {
        boolean flag = !selected.stream().allMatch(StorySummary::priority);
        act(selected, () -> {
            inbox.setPriority(ids(selected), flag);
            return (flag ? "Flagged " : "Unflagged ") + plural(selected.size());
        });
    }

    /** Marks the selection read, or unread when all of it is read already. */
    public void toggleRead(List<StorySummary> selected) {
        boolean read = !selected.stream().allMatch(StorySummary::read);
        act(selected, () -> {
            inbox.setRead(ids(selected), user.username(), read, Clock.systemUTC().instant());
            return "Marked " + plural(selected.size()) + (read ? " read" : " unread");
        });
    }

    /** A story was opened: it is read now. */
    public void opened(StorySummary row) {
        if (row != null && !row.read()) {
            act(List.of(row), () -> {
                inbox.setRead(List.of(row.id()), user.username(), true, Clock.systemUTC().instant());
                return "";
            });
        }
    }

    private void act(List<StorySummary> selected, Callable<String> work) {
        runner.run(work, done -> {
            if (!done.isEmpty()) {
                say.accept(false, done);
            }
            changes.changed();
        }, this::fail);
    }

    /** Ingests a pasted address (a feed or an article page) and says what came of it. */
    public void ingestAddress(String address) {
        String a = address == null ? "" : address.strip();
        if (!DocumentLoader.isWebAddress(a)) {
            say.accept(true, "Paste an http(s) address of a feed or an article page");
            return;
        }
        runner.run(() -> ingest.ingest(List.of(a), user.username(), o -> { }), report -> {
            say.accept(false, a + ": " + report.summary());
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        say.accept(true, Messages.of(e));
    }

    private static List<StoryId> ids(List<StorySummary> rows) {
        return rows.stream().map(StorySummary::id).toList();
    }

    private static String plural(int n) {
        return n + (n == 1 ? " story" : " stories");
    }
}
