package org.wiredesk.desk.editor;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.wiredesk.desk.common.Banner;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.desk.common.StyleLine;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.ThreadPane;
import org.wiredesk.style.StyleIssue;
import org.wiredesk.style.WordDiff;

/**
 * The side-by-side headline editor: the agency's headline and body on the left, with the story's thread under them;
 * on the right the house headline with its style check (and, over an error, the reason to submit it anyway), meters
 * and difference from the agency's, and the same body, visibly locked. A story sent back opens with the reason.
 */
public final class EditorView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final List<KeyCombination> UNDO_KEYS = List.of(
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** How long a load may take before the editor is shown without its story (a slow or distant store). */
    static final javafx.util.Duration SLOW_LOAD = javafx.util.Duration.millis(250);

    private final EditorViewModel vm;
    private final javafx.scene.layout.StackPane shell = new javafx.scene.layout.StackPane();
    private final BorderPane root = new BorderPane();
    private final TextFlow diffFlow = new TextFlow();
    private final VBox issueRows = new VBox(3);
    /** Tooltips still to install (null once installed): they wait until the editor is on screen. */
    private List<Runnable> tips = new java.util.ArrayList<>();
    private final Label meta = new Label();
    private final TextField headline = new TextField();
    private final ValidationSupport validation = new ValidationSupport();
    private final DeskClock clock;

    /** With a desk clock of its own: relative times are as of each load. */
    public EditorView(EditorViewModel vm) {
        this(vm, new DeskClock(Clock.systemUTC()));
    }

    /** With the window's desk clock, so the thread's relative times tick with the rest of the desk. */
    public EditorView(EditorViewModel vm, DeskClock clock) {
        this.vm = vm;
        this.clock = clock;
        vm.setWidthMeasure(org.wiredesk.desk.common.HeadlineWidth::measure);
        root.getStyleClass().add("wd-editor");
        root.setTop(header());
        SplitPane sides = new SplitPane(agencySide(), houseSide());
        sides.setOrientation(Orientation.HORIZONTAL);
        sides.setDividerPositions(0.42);
        root.setCenter(sides);
        root.setBottom(actions());
        vm.detailProperty().addListener((obs, old, detail) -> showMeta(detail));
        showMeta(vm.detailProperty().get());
        if (!vm.diff().isEmpty()) {
            showDiff(diffFlow, vm.diff());
        }
        showIssues(issueRows);
        attachWhenLoaded();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                if (vm.editableProperty().get()) {
                    vm.saveDraft();
                }
                e.consume();
            } else if (!vm.editableProperty().get() && UNDO_KEYS.stream().anyMatch(k -> k.match(e))) {
                e.consume(); // the field's own undo and redo: a read-only headline stays as stored
            }
        });
    }

    /** The editor as its tab holds it: empty until the story is loaded (see {@link #attachWhenLoaded}). */
    public Node node() {
        return shell;
    }

    /**
     * Puts the built editor in the scene once the story is loaded, so the scene styles and lays it out once, with
     * its text, instead of once empty and again when the story arrives (issue 12 point 5: the two passes were most
     * of the time to open). The controls are built meanwhile, while the store is read. A load that fails, or one
     * still on its way after {@link #SLOW_LOAD}, shows the editor as it is (read only until loaded), as before.
     */
    private void attachWhenLoaded() {
        if (vm.detailProperty().get() != null) {
            attach();
            return;
        }
        javafx.animation.PauseTransition slow = new javafx.animation.PauseTransition(SLOW_LOAD);
        slow.setOnFinished(e -> attach());
        javafx.beans.InvalidationListener arrived = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable obs) {
                if (vm.detailProperty().get() != null || vm.problemProperty().get()) {
                    vm.detailProperty().removeListener(this);
                    vm.problemProperty().removeListener(this);
                    slow.stop();
                    attach();
                }
            }
        };
        vm.detailProperty().addListener(arrived);
        vm.problemProperty().addListener(arrived);
        slow.play();
    }

    private void attach() {
        if (!shell.getChildren().isEmpty()) {
            return;
        }
        shell.getChildren().add(root);
        javafx.scene.Scene scene = shell.getScene();
        if (scene == null) {
            installTips();
            return;
        }
        // after the pulse that shows the editor: each tooltip is a popup window with a scene of its own
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            javafx.application.Platform.runLater(this::installTips);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** A button with its icon and id; its tooltip comes once the editor is shown (see {@link #installTips}). */
    private Button button(String text, Icons icon, String tip, String id) {
        Button b = new Button(text, icon.node());
        b.setId(id);
        laterTip(b, tip);
        return b;
    }

    private void laterTip(javafx.scene.control.Control control, String tip) {
        if (tips == null) {
            control.setTooltip(new javafx.scene.control.Tooltip(tip));
        } else {
            tips.add(() -> control.setTooltip(new javafx.scene.control.Tooltip(tip)));
        }
    }

    private void installTips() {
        if (tips != null) {
            List<Runnable> pending = tips;
            tips = null;
            pending.forEach(Runnable::run);
        }
    }

    /** Adds a "Source page" button that shows the story's archived original (ADR 30: desk/original). */
    public void offerSourcePage(Runnable show) {
        Button source = Controls.button("Source page", Icons.SOURCE,
                "The original this story was ingested from, exactly as it was fetched", "editor-source-page");
        source.setOnAction(e -> show.run());
        // beside the header, not in the toolbar: a full toolbar would push its own commands into the overflow
        BorderPane header = new BorderPane(root.getTop());
        header.setRight(source);
        BorderPane.setMargin(source, new Insets(8, 12, 0, 0));
        root.setTop(header);
    }

    /** Width of text in the site's headline font, as the browser would lay it out. */
    private Node header() {
        meta.getStyleClass().add("wd-editor-meta");
        meta.setId("editor-meta");
        Label claim = new Label();
        claim.setId("editor-claim");
        claim.getStyleClass().add("wd-claim");
        claim.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = vm.claimProperty().get();
            if (c == null) {
                return "";
            }
            return vm.editableProperty().get() ? "You are editing this story"
                    : c.username() + " is editing this story since " + TIME.format(c.since())
                    + " (last saved " + TIME.format(c.active()) + ")";
        }, vm.claimProperty(), vm.editableProperty()));
        claim.graphicProperty().bind(Bindings.createObjectBinding(() -> vm.editableProperty().get()
                ? Icons.EDIT.node() : Icons.LOCK.node(), vm.editableProperty()));
        Button takeOver = button("Take over", Icons.USER, "Take over a claim left idle (desk chief)",
                "editor-take-over");
        takeOver.visibleProperty().bind(vm.canTakeOverProperty());
        takeOver.managedProperty().bind(vm.canTakeOverProperty());
        takeOver.setOnAction(e -> vm.takeOver());
        HBox claimRow = new HBox(10, claim, takeOver);
        claimRow.setAlignment(Pos.CENTER_LEFT);
        Label cannotApprove = Banner.of(vm.cannotApproveProperty(), Banner.Kind.BLOCKED, "editor-cannot-approve");
        Label embargo = Banner.of(vm.embargoProperty(), Banner.Kind.EMBARGO, "editor-embargo");
        Label withdrawn = Banner.of(vm.withdrawnProperty(), Banner.Kind.BLOCKED, "editor-withdrawn");
        Label readOnly = Banner.of(vm.readOnlyProperty(), Banner.Kind.WARNING, "editor-read-only");
        readOnly.setGraphic(Icons.LOCK.node());
        var deskNotes = Banner.scrolling(vm.deskNotesProperty(), Banner.Kind.DESK_NOTE, "editor-desk-notes", 130);
        VBox box = new VBox(4, meta, claimRow, readOnly, recoveredBanner(), withdrawn, embargo, deskNotes,
                cannotApprove,
                new RejectionBanner(vm.rejectionProperty(), clock).node());
        box.setPadding(new Insets(8, 12, 4, 12));
        return box;
    }

    /**
     * What was kept before the desk stopped, with its time: in the field (discard it to go back to the stored
     * headline), or, older than a saved revision, beside it (use it to put it in the field).
     */
    private Node recoveredBanner() {
        var sentence = Bindings.createStringBinding(() -> {
            RecoveredDraft d = vm.recoveredProperty().get();
            return d == null ? "" : d.sentence(ZoneId.systemDefault(), java.time.Instant.now());
        }, vm.recoveredProperty());
        Label text = Banner.of(sentence, Banner.Kind.WARNING, "editor-recovered");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button use = button("Use this draft", Icons.UNSPIKE,
                "Put the recovered draft in the field, over the saved revision", "editor-recovered-use");
        use.setOnAction(e -> vm.useRecovered());
        var older = Bindings.createBooleanBinding(() -> vm.recoveredProperty().get() != null
                && vm.recoveredProperty().get().olderThanRevision(), vm.recoveredProperty());
        use.visibleProperty().bind(older);
        use.managedProperty().bind(older);
        Button discard = button("Discard draft", Icons.REJECT,
                "Drop the recovered draft and keep the stored headline", "editor-recovered-discard");
        discard.setOnAction(e -> vm.discardRecovered());
        HBox row = new HBox(8, text, use, discard);
        row.setAlignment(Pos.CENTER_LEFT);
        var shown = vm.recoveredProperty().isNotNull().and(vm.editableProperty());
        row.visibleProperty().bind(shown);
        row.managedProperty().bind(shown);
        return row;
    }

    private Node agencySide() {
        Label agency = new Label();
        agency.setId("editor-agency-headline");
        agency.getStyleClass().add("wd-agency-headline");
        agency.setWrapText(true);
        agency.textProperty().bind(vm.agencyHeadlineProperty());
        LockedBodyArea body = new LockedBodyArea(vm.bodyProperty());
        body.setId("editor-agency-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        Node thread = new ThreadPane(vm.thread(), clock, "editor-thread",
                "Reply on this story: to the desk chief, kept in its history").node();
        thread.getStyleClass().add("wd-editor-thread");
        VBox side = new VBox(6, Controls.caption("Agency original"), agency, lockBanner("As received"), body,
                thread);
        side.getStyleClass().add("wd-side");
        side.setPadding(new Insets(8, 12, 12, 12));
        return side;
    }

    private Node houseSide() {
        headline.setId("editor-house-headline");
        headline.getStyleClass().add("wd-house-headline");
        headline.textProperty().bindBidirectional(vm.houseHeadlineProperty());
        headline.editableProperty().bind(vm.editableProperty());
        headline.setPromptText("The house headline");
        // shown and ready to type: the field takes the keys as soon as the story is the member's to edit
        vm.editableProperty().addListener((obs, was, now) -> focusHeadline());
        headline.sceneProperty().addListener((obs, was, now) -> focusHeadline());
        validation.registerValidator(headline, false, (control, value) -> result());
        vm.issues().addListener((ListChangeListener<StyleIssue>) change -> validation.revalidate());

        Label count = new Label();
        count.setId("editor-length");
        count.getStyleClass().add("wd-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.lengthBinding().get() + " / "
                + vm.style().maxLength() + " characters", vm.lengthBinding()));
        ProgressBar widthBar = new ProgressBar(0);
        widthBar.setId("editor-width-meter");
        widthBar.setPrefWidth(120);
        Label width = new Label();
        width.setId("editor-width");
        width.getStyleClass().add("wd-count");
        vm.houseHeadlineProperty().addListener((obs, old, now) -> showWidth(widthBar, width));
        showWidth(widthBar, width);
        HBox captionRow = new HBox(8, Controls.caption("House headline"), Controls.grow(), count, widthBar, width);
        captionRow.setAlignment(Pos.CENTER_LEFT);

        TextFlow diff = diffFlow;
        diff.setId("editor-diff");
        diff.getStyleClass().add("wd-diff");
        vm.diff().addListener((ListChangeListener<WordDiff.Piece>) c -> showDiff(diff, vm.diff()));

        VBox issues = issueRows;
        issues.setId("editor-issues");
        vm.issues().addListener((ListChangeListener<StyleIssue>) c -> showIssues(issues));

        LockedBodyArea body = new LockedBodyArea(vm.bodyProperty());
        body.setId("editor-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox side = new VBox(6, captionRow, headline, diff, issues, StyleOverrideBox.of(vm), new RevisionHistory(vm, this::button).node(),
                lockBanner("Body locked — we may change the headline, never the content"), body);
        side.getStyleClass().addAll("wd-side", "wd-house-side");
        side.setPadding(new Insets(8, 12, 12, 12));
        return side;
    }

    private void focusHeadline() {
        if (vm.editableProperty().get() && headline.getScene() != null && !headline.isFocused()) {
            headline.requestFocus();
            headline.end();
        }
    }

    private ValidationResult result() {
        List<ValidationMessage> messages = vm.issues().stream().map(i -> i.severity() == StyleIssue.Severity.ERROR
                ? ValidationMessage.error(headline, i.message()) : ValidationMessage.warning(headline, i.message()))
                .toList();
        return ValidationResult.fromMessages(messages);
    }

    private void showWidth(ProgressBar bar, Label label) {
        double px = vm.widthPixels();
        double max = vm.style().maxWidth();
        if (px < 0 || max <= 0) {
            label.setText("");
            bar.setVisible(false);
            return;
        }
        bar.setVisible(true);
        bar.setProgress(Math.min(1, px / max));
        bar.getStyleClass().removeAll("wd-over");
        if (px > max) {
            bar.getStyleClass().add("wd-over");
        }
        label.setText(String.format(Locale.ROOT, "%.0f / %.0f px", px, max));
    }

    static void showDiff(TextFlow flow, List<WordDiff.Piece> pieces) {
        flow.getChildren().clear();
        Text lead = new Text("vs agency:  ");
        lead.getStyleClass().add("wd-diff-lead");
        flow.getChildren().add(lead);
        for (WordDiff.Piece p : DiffText.spaced(pieces)) {
            Text t = new Text(p.text());
            t.getStyleClass().add(switch (p.kind()) {
                case SAME -> "wd-diff-same";
                case REMOVED -> "wd-diff-removed";
                case ADDED -> "wd-diff-added";
            });
            t.setStrikethrough(p.kind() == WordDiff.Kind.REMOVED);
            flow.getChildren().add(t);
        }
        flow.setAccessibleText("Difference from the agency's headline: " + DiffText.read(pieces));
    }

    private void showIssues(VBox box) {
        box.getChildren().clear();
        int n = 0;
        for (StyleIssue issue : List.copyOf(vm.issues())) {
            Label text = StyleLine.of(issue);
            HBox row = new HBox(8, text);
            row.setAlignment(Pos.CENTER_LEFT);
            if (issue.fixable()) {
                Button fix = new Button("Fix");
                fix.setId("editor-fix-" + issue.rule() + "-" + n);
                fix.getStyleClass().add("wd-fix");
                fix.disableProperty().bind(vm.editableProperty().not());
                // through the field, so the fix is undone like typing
                fix.setOnAction(e -> {
                    if (vm.editableProperty().get()) {
                        headline.replaceText(0, headline.getLength(), issue.fixed());
                    }
                });
                row.getChildren().add(fix);
            }
            box.getChildren().add(row);
            n++;
        }
    }

    private static Node lockBanner(String text) {
        Label label = new Label(text, Icons.LOCK.node());
        label.getStyleClass().add("wd-lock-banner");
        HBox banner = new HBox(label);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("wd-lock-row");
        return banner;
    }

    private Node actions() {
        Button undo = button("Undo", Icons.UNSPIKE, "Undo the last change to the headline (Ctrl+Z)",
                "editor-undo");
        undo.setOnAction(e -> headline.undo());
        // a read-only story has no editing command: undo would change the headline shown, never the stored one
        undo.disableProperty().bind(headline.undoableProperty().not().or(vm.editableProperty().not()));
        Button redo = button("Redo", Icons.REFRESH, "Redo (Ctrl+Y)", "editor-redo");
        redo.setOnAction(e -> headline.redo());
        redo.disableProperty().bind(headline.redoableProperty().not().or(vm.editableProperty().not()));
        Button save = button("Save draft", Icons.SAVE, "Keep this headline as a revision (Ctrl+S)",
                "editor-save");
        save.setOnAction(e -> vm.saveDraft());
        save.disableProperty().bind(vm.editableProperty().not());
        Button keep = button("Keep as candidate", Icons.ADD, "Keep this headline to choose from later",
                "editor-keep");
        keep.setOnAction(e -> vm.keepCandidate());
        keep.disableProperty().bind(vm.editableProperty().not());
        ComboBox<String> candidates = new ComboBox<>(vm.candidates());
        candidates.setId("editor-candidates");
        candidates.setPromptText("Candidates");
        candidates.setPrefWidth(180);
        candidates.setOnAction(e -> vm.chooseCandidate(candidates.getValue()));
        candidates.disableProperty().bind(vm.editableProperty().not());
        TextField note = new TextField();
        note.setId("editor-note");
        note.setPromptText("Note to the desk chief (optional)");
        note.setPrefColumnCount(20);
        note.editableProperty().bind(vm.editableProperty());
        Button submit = button("Submit for approval", Icons.SUBMIT,
                "Send the story to the desk chief (Ctrl+Enter)", "editor-submit");
        submit.setOnAction(e -> vm.submit(note.getText()));
        submit.disableProperty().bind(vm.editableProperty().not());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SUBMIT.match(e) && vm.editableProperty().get()) {
                vm.submit(note.getText());
                e.consume();
            }
        });
        // what was done, or why not, is said in the status bar; why the story is read only stands in the header
        Label kept = Controls.message(vm.lastAutosaveProperty());
        kept.setId("editor-autosave");
        laterTip(kept, "When what you typed was last kept in the store: it is "
                + "kept within 150 ms of each change and offered back if this desk stops");
        return new ToolBar(undo, redo, save, keep, candidates, note, submit, Controls.grow(), kept);
    }

    private void showMeta(StoryDetail detail) {
        if (detail == null) {
            meta.setText("");
            return;
        }
        var s = detail.story();
        meta.setText(s.sourceName() + (s.url() != null ? "  ·  " + s.url() : "")
                + (s.webAddress().isEmpty() && s.pageAddress().isPresent() ? "  ·  credit address "
                + s.pageAddress().get() : "") + "  ·  "
                + (s.publishedAtSource() != null ? "published by the source " + TIME.format(s.publishedAtSource()
                .toInstant()) + ", " : "") + "received " + TIME.format(s.received()) + "  ·  "
                + s.status().label() + "  ·  fingerprint " + s.body().sha256().substring(0, 12) + "…"
                + (detail.sourceVersions() > 0 ? "  ·  updated at source " + detail.sourceVersions()
                + (detail.sourceVersions() == 1 ? " time" : " times") + " since ingest (kept aside; this body stays)"
                : ""));
    }
}
