package org.wiredesk.desk.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.LatestOnly;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoreFollower;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.Action;
import org.wiredesk.story.Status;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.User;
import org.wiredesk.store.StoryRepository;

/** Publishing: approved stories waiting to run, and the site's recent posts. */
public final class PublishViewModel {
    private final StoryRepository stories;
    private final PublishService publish;
    private final User user;
    private final Path site;
    private final TaskRunner runner;
    private final StoreChanges changes;
    private final ObservableList<StorySummary> approved = FXCollections.observableArrayList();
    private final ObservableList<RecentPost> recent = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> lastPage = new ReadOnlyObjectWrapper<>(this, "lastPage");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StoreFollower follower;
    private final LatestOnly latest;

    public PublishViewModel(StoryRepository stories, PublishService publish, User user, Path site, TaskRunner runner,
                            StoreChanges changes) {
        this.stories = stories;
        this.publish = publish;
        this.user = user;
        this.site = site;
        this.runner = runner;
        this.changes = changes;
        this.follower = new StoreFollower(changes, this::reload);
        this.latest = new LatestOnly(runner);
    }

    public void activate() {
        follower.start();
        reload();
    }

    public void deactivate() {
        follower.stop();
    }

    private record Loaded(List<StorySummary> approved, List<RecentPost> recent) {
    }

    public void reload() {
        latest.load(() -> new Loaded(stories.summaries(Set.of(Status.APPROVED), 1000), publish.recentPosts(20)),
                loaded -> {
                    approved.setAll(loaded.approved());
                    recent.setAll(loaded.recent());
                }, this::fail);
    }

    public boolean mayPublish() {
        return Action.PUBLISH.allowedFor(user);
    }

    public void publish(StorySummary row) {
        if (row == null) {
            return;
        }
        runner.run(() -> publish.publish(user, row.id(), site), result -> {
            lastPage.set(result.page());
            message.set("Published: " + result.headline() + " → " + result.page());
            changes.changed();
        }, this::fail);
    }

    public void publishAll() {
        runner.run(() -> publish.publishAllApproved(user, site), run -> {
            List<PublishService.Result> results = run.published();
            if (!results.isEmpty()) {
                lastPage.set(results.get(results.size() - 1).page());
            }
            String held = run.held().isEmpty() ? "" : "; held " + run.held().size() + ": "
                    + run.held().get(0).reason();
            message.set("Published " + results.size() + (results.size() == 1 ? " story" : " stories") + " to " + site
                    + held);
            changes.changed();
        }, this::fail);
    }

    private void fail(Throwable e) {
        message.set(Messages.of(e));
    }

    public Path site() {
        return site;
    }

    public ObservableList<StorySummary> approved() {
        return approved;
    }

    public ObservableList<RecentPost> recent() {
        return recent;
    }

    public ReadOnlyObjectProperty<Path> lastPageProperty() {
        return lastPage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
