package org.wiredesk.desk.original;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.story.StoryId;
import org.wiredesk.store.SourceArchiveRepository;

/**
 * The "Source page" of a story (issue 11, point 5; ADR 30): the archived original it was derived from, as fetched,
 * read again without the network: its SHA-256, address, fetch time, content type and charset, its own text blocks and
 * its decoded text. Nothing of it is ever run or fetched; the view shows text only.
 */
public final class SourcePageViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final StoryId id;
    private final SourceArchiveRepository archive;
    private final TaskRunner runner;
    private final ReadOnlyStringWrapper sha256 = new ReadOnlyStringWrapper(this, "sha256", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper fetched = new ReadOnlyStringWrapper(this, "fetched", "");
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper(this, "received", "");
    private final ReadOnlyStringWrapper derivedBy = new ReadOnlyStringWrapper(this, "derivedBy", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper archived = new ReadOnlyBooleanWrapper(this, "archived", false);
    private final ObservableList<String> blocks = FXCollections.observableArrayList();

    public SourcePageViewModel(StoryId id, SourceArchiveRepository archive, TaskRunner runner) {
        this.id = id;
        this.archive = archive;
        this.runner = runner;
    }

    /** What was read off the UI thread. */
    private record Read(SourceArchiveRepository.Archived kept, ArchivedOriginal original, int laterVersions) {
    }

    /** Reads the story's original from the archive, off the UI thread. */
    public void load() {
        runner.run(this::read, this::show, e -> {
            archived.set(false);
            problem.set(true);
            message.set(e instanceof SourceArchiveRepository.DamagedOriginalException
                    ? "The archived original of story " + id + " is damaged: " + e.getMessage() : Messages.of(e));
        });
    }

    private Read read() {
        var kept = archive.ofStory(id);
        if (kept.isEmpty()) {
            return null;
        }
        byte[] bytes = archive.bytes(kept.get());
        ArchivedOriginal original = new ArchivedOriginal(bytes, kept.get().contentType(), kept.get().url(),
                kept.get().kind());
        original.blocks(); // parsed here, not on the UI thread
        return new Read(kept.get(), original, archive.ofVersions(id).size());
    }

    private void show(Read read) {
        if (read == null) {
            archived.set(false);
            problem.set(false);
            message.set("Story " + id + " was stored before the desk archived originals: it has none.");
            return;
        }
        var k = read.kept();
        sha256.set(k.sha256());
        address.set(k.url() != null ? k.url().toString() : k.origin());
        fetched.set(TIME.format(k.fetched()) + " by " + k.receivedBy());
        received.set(k.byteCount() + " bytes · " + k.kind() + " · "
                + (k.contentType() != null ? k.contentType() : "no content type (a file)") + " · read as "
                + read.original().readAs());
        derivedBy.set(k.derivedBy() == null ? "" : k.derivedBy());
        text.set(read.original().text());
        blocks.setAll(read.original().blocks());
        archived.set(true);
        problem.set(false);
        message.set(read.laterVersions() == 0 ? "" : "The source changed the story " + read.laterVersions()
                + (read.laterVersions() == 1 ? " time" : " times") + " since; each later version is archived too, "
                + "and this body stays.");
    }

    public StoryId id() {
        return id;
    }

    /** The page's own text blocks, in order: paragraphs, headings, list items, captions. */
    public ObservableList<String> blocks() {
        return blocks;
    }

    /** The original's SHA-256, as archived and checked on reading. */
    public ReadOnlyStringProperty sha256Property() {
        return sha256.getReadOnlyProperty();
    }

    /** Where it was fetched from (after redirects), or the file it was read from. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** When it was fetched, and by whom. */
    public ReadOnlyStringProperty fetchedProperty() {
        return fetched.getReadOnlyProperty();
    }

    /** Its size, kind, content type as received and the charset it was read in. */
    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** What made the story's body from it. */
    public ReadOnlyStringProperty derivedByProperty() {
        return derivedBy.getReadOnlyProperty();
    }

    /** The bytes decoded as text (markup shown as text, never rendered). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Why there is nothing to show, or a note; empty when all is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether an original is shown. */
    public ReadOnlyBooleanProperty archivedProperty() {
        return archived.getReadOnlyProperty();
    }

    /** The blocks as one text, a blank line between two: what a copy editor reads. */
    public String blocksText() {
        return String.join("\n\n", List.copyOf(blocks));
    }
}
