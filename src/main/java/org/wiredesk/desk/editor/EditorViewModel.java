package org.wiredesk.desk.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoreChanges;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.Action;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskService;

/**
 * The side-by-side headline editor for one story. The house headline is the only thing it can change;
 * the agency headline and the body are exposed read-only, as loaded from the store.
 */
public final class EditorViewModel {
    private final StoryId id;
    private final DeskService desk;
    private final User user;
    private final TaskRunner runner;
    private final StoreChanges changes;

    private final ReadOnlyObjectWrapper<StoryDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper agencyHeadline = new ReadOnlyStringWrapper(this, "agencyHeadline", "");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body", "");
    private final StringProperty houseHeadline = new SimpleStringProperty(this, "houseHeadline", "");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper(this, "saved", "");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding dirty = Bindings.createBooleanBinding(
            () -> !houseHeadline.get().strip().equals(saved.get()), houseHeadline, saved);

    public EditorViewModel(StoryId id, DeskService desk, User user, TaskRunner runner, StoreChanges changes) {
        this.id = id;
        this.desk = desk;
        this.user = user;
        this.runner = runner;
        this.changes = changes;
    }

    public StoryId id() {
        return id;
    }

    public void load() {
        runner.run(() -> StoryDetail.of(desk.story(id), desk.statusHistory(id), desk.sourceVersions(id)), this::show,
                this::fail);
    }

    private void show(StoryDetail loaded) {
        Story story = loaded.story();
        detail.set(loaded);
        agencyHeadline.set(story.agencyHeadline().text());
        body.set(loaded.bodyText());
        String house = story.house().map(h -> h.text()).orElse("");
        saved.set(house);
        houseHeadline.set(house.isEmpty() ? story.agencyHeadline().text() : house);
        editable.set(Action.DRAFT.allowedFor(user) && Action.DRAFT.allowedFrom(story.status()));
        if (!editable.get()) {
            message.set(Action.DRAFT.allowedFor(user)
                    ? "Read only: the story is " + story.status().label().toLowerCase()
                    : "Read only: editing headlines needs the copy editor role");
        }
    }

    public void saveDraft() {
        String headline = houseHeadline.get();
        runner.run(() -> desk.saveDraft(user, id, headline), story -> {
            message.set("Draft saved");
            changes.changed();
            load();
        }, this::fail);
    }

    public void submit(String note) {
        String headline = houseHeadline.get();
        runner.run(() -> desk.submit(user, id, headline, note), story -> {
            message.set("Submitted for approval");
            changes.changed();
            load();
        }, this::fail);
    }

    private void fail(Throwable e) {
        message.set(Messages.of(e));
    }

    public ReadOnlyObjectProperty<StoryDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agencyHeadlineProperty() {
        return agencyHeadline.getReadOnlyProperty();
    }

    /** The body as readable text: read-only, there is no setter. */
    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }

    public StringProperty houseHeadlineProperty() {
        return houseHeadline;
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
