package org.wiredesk.desk.original;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.wiredesk.desk.common.Messages;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.ingest.ArchivedOriginal;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.workflow.BlockChoices;

/**
 * The "Source page" of a story (issue 11, point 5; ADR 30): the archived original it was derived from, as fetched,
 * read again without the network: its SHA-256, address, fetch time, content type and charset, its own text blocks and
 * its decoded text. Nothing of it is ever run or fetched; the view shows text only. A copy editor may choose which
 * of the blocks form the article (issue 11, point 6; ADR 32): the blocks in the body come ticked, and "Use these
 * blocks" makes the ticked ones the body, a new version derived from the archive.
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
    private final List<BooleanProperty> ticked = new ArrayList<>();
    private final List<Integer> inBody = new ArrayList<>();
    private final ReadOnlyBooleanWrapper mayChoose = new ReadOnlyBooleanWrapper(this, "mayChoose", false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private final ReadOnlyBooleanWrapper choosing = new ReadOnlyBooleanWrapper(this, "choosing", false);
    private final ReadOnlyStringWrapper choiceNote = new ReadOnlyStringWrapper(this, "choiceNote", "");
    private final BlockChoices choices;
    private final User user;
    private final Runnable onChosen;

    /** The page only, to read: no choice of blocks. */
    public SourcePageViewModel(StoryId id, SourceArchiveRepository archive, TaskRunner runner) {
        this(id, archive, null, null, runner, () -> { });
    }

    /**
     * The page, and the choice of its blocks as {@code user}.
     *
     * @param onChosen told (on the UI thread) when a choice made the story's body: the editor shows the new body
     */
    public SourcePageViewModel(StoryId id, SourceArchiveRepository archive, BlockChoices choices, User user,
                               TaskRunner runner, Runnable onChosen) {
        this.id = id;
        this.archive = archive;
        this.runner = runner;
        this.choices = choices;
        this.user = user;
        this.onChosen = onChosen;
    }

    /** What was read off the UI thread. */
    private record Read(SourceArchiveRepository.Archived kept, ArchivedOriginal original, int laterVersions,
                        BlockChoices.Blocks state, Optional<String> cannotChoose) {
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
        BlockChoices.Blocks state = choices == null ? null : choices.blocks(id);
        Optional<String> cannot = choices == null ? Optional.of("") : choices.cannotChooseBecause(user, id);
        return new Read(kept.get(), original, archive.ofVersions(id).size(), state, cannot);
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
        showChoice(read);
        blocks.clear(); // new check boxes: every cell binds again, even to a block whose text it shows already
        blocks.setAll(read.state() == null ? read.original().blocks()
                : read.state().blocks().stream().map(BlockChoices.Block::text).toList());
        archived.set(true);
        problem.set(false);
        message.set(read.laterVersions() == 0 ? "" : "The source changed the story " + read.laterVersions()
                + (read.laterVersions() == 1 ? " time" : " times") + " since; each later version is archived too, "
                + "and this body stays.");
    }

    private void showChoice(Read read) {
        ticked.clear();
        inBody.clear();
        if (read.state() == null) {
            mayChoose.set(false);
            choiceNote.set("");
            changed.set(false);
            return;
        }
        for (BlockChoices.Block b : read.state().blocks()) {
            SimpleBooleanProperty tick = new SimpleBooleanProperty(this, "block" + b.index(), b.inBody());
            tick.addListener((obs, was, is) -> changed.set(differs()));
            ticked.add(tick);
            if (b.inBody()) {
                inBody.add(b.index());
            }
        }
        mayChoose.set(read.cannotChoose().isEmpty());
        String state = inBody.size() + " of " + ticked.size() + " blocks in the body, "
                + read.state().chosen().map(c -> "chosen by " + c.chosenBy() + " at " + TIME.format(c.chosen()))
                        .orElse("as ingest made it");
        choiceNote.set(read.cannotChoose().filter(s -> !s.isEmpty()).map(s -> state + ". " + s).orElse(state + "."));
        changed.set(false);
    }

    private boolean differs() {
        List<Integer> now = tickedIndexes();
        return !now.isEmpty() && !now.equals(inBody);
    }

    /** The indexes of the ticked blocks, ascending. */
    public List<Integer> tickedIndexes() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ticked.size(); i++) {
            if (ticked.get(i).get()) {
                out.add(i);
            }
        }
        return out;
    }

    /** How many blocks have a check box: all of them when the page offers the choice, else none. */
    public int tickCount() {
        return ticked.size();
    }

    /** Whether block {@code index} is ticked to be in the body (the ones in it come ticked). */
    public BooleanProperty tickedProperty(int index) {
        return ticked.get(index);
    }

    /** Makes the ticked blocks the story's body, off the UI thread; the page and the editor then show it. */
    public void useTicked() {
        if (!mayChoose.get() || !changed.get() || choosing.get()) {
            return;
        }
        List<Integer> chosen = tickedIndexes();
        choosing.set(true);
        runner.run(() -> choices.choose(user, id, chosen), story -> {
            choosing.set(false);
            load();
            onChosen.run();
        }, e -> {
            choosing.set(false);
            problem.set(true);
            message.set(Messages.of(e));
        });
    }

    /** Whether this member may choose the blocks now (a copy editor, before submission, holding the story). */
    public ReadOnlyBooleanProperty mayChooseProperty() {
        return mayChoose.getReadOnlyProperty();
    }

    /** Whether the ticked blocks differ from the body's (and are not none): "Use these blocks" is on. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** How many blocks are in the body, who chose them, and why the member may not choose, if so. */
    public ReadOnlyStringProperty choiceNoteProperty() {
        return choiceNote.getReadOnlyProperty();
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
