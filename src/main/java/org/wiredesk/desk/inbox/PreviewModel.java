package org.wiredesk.desk.inbox;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;
import org.wiredesk.store.StoryRepository;

/**
 * The inbox's preview of the selected story: its headlines, source, times and status at once from the inbox row, and
 * its body (read-only, the text as stored) read off the FX thread. The selection can run ahead of the store (arrow
 * keys held down): one body is read at a time, and when it is in, only the latest selection's is read next; an answer
 * for a story no longer selected is dropped.
 */
public final class PreviewModel {
    private final StoryRepository stories;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<StoryId> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper houseHeadline = new ReadOnlyStringWrapper(this, "houseHeadline", "");
    private final ReadOnlyStringWrapper agencyHeadline = new ReadOnlyStringWrapper(this, "agencyHeadline", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyObjectWrapper<Instant> atSource = new ReadOnlyObjectWrapper<>(this, "atSource");
    private final ReadOnlyObjectWrapper<Instant> received = new ReadOnlyObjectWrapper<>(this, "received");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private StoryId reading;
    private StoryId wanted;

    public PreviewModel(StoryRepository stories, TaskRunner runner) {
        this.stories = stories;
        this.runner = runner;
    }

    /** Shows this story: what its row knows at once (when the row is read), its body when it is in. */
    public void show(StoryId id, StorySummary row) {
        if (id == null) {
            clear();
            return;
        }
        if (id.equals(shown.get()) && !loading.get() && row == null) {
            return;
        }
        shown.set(id);
        if (row != null) {
            head(row.houseHeadline() == null ? "" : row.houseHeadline().text(), row.agencyHeadline().text(),
                    row.sourceName(), row.publishedAtSource(), row.received(), row.status().label());
        } else {
            head("", "", "", null, null, "");
        }
        body.set("");
        loading.set(true);
        wanted = id;
        if (reading == null) {
            read(id);
        }
    }

    /** Nothing selected: nothing shown, and any body on its way is dropped. */
    public void clear() {
        shown.set(null);
        wanted = null;
        head("", "", "", null, null, "");
        body.set("");
        loading.set(false);
    }

    private void read(StoryId id) {
        reading = id;
        runner.run(() -> stories.find(id).map(s -> new Read(s, StoryDetail.of(s, List.of()).bodyText())).orElse(null),
                read -> done(id, read), e -> {
                    done(id, null);
                    if (id.equals(shown.get())) {
                        body.set("The body could not be read: " + Messages.of(e));
                    }
                });
    }

    private record Read(Story story, String bodyText) {
    }

    private void done(StoryId id, Read read) {
        reading = null;
        if (wanted != null && !wanted.equals(id)) {
            read(wanted); // the selection moved on while this one was read: only the latest is read next
            return;
        }
        if (!id.equals(shown.get())) {
            return;
        }
        loading.set(false);
        if (read != null) {
            Story s = read.story();
            head(s.houseHeadline() == null ? "" : s.houseHeadline().text(), s.agencyHeadline().text(), s.sourceName(),
                    s.publishedAtSource() == null ? null : s.publishedAtSource().toInstant(), s.received(),
                    s.status().label());
            body.set(read.bodyText());
        }
    }

    private void head(String house, String agency, String from, Instant at, Instant in, String state) {
        houseHeadline.set(house);
        agencyHeadline.set(agency);
        source.set(from == null ? "" : from);
        atSource.set(at);
        received.set(in);
        status.set(state);
    }

    /** The story shown, or null. */
    public ReadOnlyObjectProperty<StoryId> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The desk's headline, or empty when the desk has not retitled it. */
    public ReadOnlyStringProperty houseHeadlineProperty() {
        return houseHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agencyHeadlineProperty() {
        return agencyHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** When the source says it published the story, or null when it does not say. */
    public ReadOnlyObjectProperty<Instant> atSourceProperty() {
        return atSource.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> receivedProperty() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The body as readable text, as stored: there is no setter. */
    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }

    /** Whether the shown story's body is still on its way. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
