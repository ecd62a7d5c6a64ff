package org.wiredesk.desk.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.story.Role;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskService;

/**
 * A story's thread on a screen (the editor's, the approval screen's): what was said, oldest first, and the reply
 * the member is typing. The screen that shows a story hands it the thread it loaded with the story; after that the
 * thread reloads itself when the store changes (another member replied) while the screen is active.
 */
public final class ThreadViewModel {
    private final DeskService desk;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final StoreFollower follower;
    private final LatestOnly latest;
    private final ObservableList<ThreadEntry> entries = FXCollections.observableArrayList();
    private final StringProperty reply = new SimpleStringProperty(this, "reply", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final BooleanBinding canSend;
    private StoryId id;

    public ThreadViewModel(DeskService desk, User user, TaskRunner runner, StoreChanges changes) {
        this.desk = desk;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
        this.canSend = Bindings.createBooleanBinding(() -> open.get() && mayReply() && !reply.get().isBlank(),
                open, reply);
    }

    /** Starts following other members' replies. */
    public void activate() {
        follower.start();
    }

    public void deactivate() {
        follower.stop();
    }

    /** Shows the thread of the story the screen just loaded (null: no story). */
    public void show(StoryId story, StoryThread thread) {
        if (story == null || !story.equals(id)) {
            reply.set("");
            message.set("");
            problem.set(false);
        }
        id = story;
        open.set(story != null);
        if (story == null) {
            latest.cancel();
            entries.clear();
        } else {
            entries.setAll(thread.entries());
        }
    }

    public void reload() {
        StoryId story = id;
        if (story != null) {
            latest.load(() -> desk.thread(story), thread -> {
                if (story.equals(id)) {
                    entries.setAll(thread.entries());
                }
            }, this::fail);
        }
    }

    /** Sends the reply typed; it stays in the box if the store refuses it, with the reason. */
    public void send() {
        StoryId story = id;
        String text = reply.get();
        if (story == null || text.isBlank()) {
            return;
        }
        runner.run(() -> desk.reply(user, story, text), thread -> {
            if (story.equals(id)) {
                entries.setAll(thread.entries());
                reply.set("");
            }
            problem.set(false);
            message.set("");
            changes.changed();
        }, this::fail);
    }

    /** Whether this member may reply at all: a copy editor or a desk chief. */
    public boolean mayReply() {
        return user.has(Role.COPY_EDITOR) || user.has(Role.DESK_CHIEF);
    }

    private void fail(Throwable e) {
        problem.set(true);
        message.set(Messages.of(e));
    }

    public ObservableList<ThreadEntry> entries() {
        return entries;
    }

    /** The reply being typed. */
    public StringProperty replyProperty() {
        return reply;
    }

    /** Whether there is a reply to send, a story to send it on, and a role to send it with. */
    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** Why the last reply or reload failed; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether a story is shown (the reply box has somewhere to go). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
