package org.wiredesk.desk.editor;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.desk.common.StoryDetail;

/**
 * The side-by-side headline editor: the agency's headline and body on the left, the house headline and the
 * same body, visibly locked, on the right.
 */
public final class EditorView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final EditorViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Label meta = new Label();

    public EditorView(EditorViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("wd-editor");
        root.setTop(header());
        SplitPane sides = new SplitPane(agencySide(), houseSide());
        sides.setOrientation(Orientation.HORIZONTAL);
        sides.setDividerPositions(0.5);
        root.setCenter(sides);
        root.setBottom(actions());
        vm.detailProperty().addListener((obs, old, detail) -> showMeta(detail));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                vm.saveDraft();
                e.consume();
            }
        });
    }

    public Node node() {
        return root;
    }

    private Node header() {
        meta.getStyleClass().add("wd-editor-meta");
        meta.setId("editor-meta");
        VBox box = new VBox(meta);
        box.setPadding(new Insets(8, 12, 4, 12));
        return box;
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
        VBox side = new VBox(6, Controls.caption("Agency original"), agency, lockBanner("As received"), body);
        side.getStyleClass().add("wd-side");
        side.setPadding(new Insets(8, 12, 12, 12));
        return side;
    }

    private Node houseSide() {
        TextField headline = new TextField();
        headline.setId("editor-house-headline");
        headline.getStyleClass().add("wd-house-headline");
        headline.textProperty().bindBidirectional(vm.houseHeadlineProperty());
        headline.editableProperty().bind(vm.editableProperty());
        headline.setPromptText("The house headline");
        Label count = new Label();
        count.getStyleClass().add("wd-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.houseHeadlineProperty().get().codePointCount(0, vm.houseHeadlineProperty().get().length())
                        + " characters", vm.houseHeadlineProperty()));
        HBox captionRow = new HBox(8, Controls.caption("House headline"), Controls.grow(), count);
        LockedBodyArea body = new LockedBodyArea(vm.bodyProperty());
        body.setId("editor-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox side = new VBox(6, captionRow, headline,
                lockBanner("Body locked — we may change the headline, never the content"), body);
        side.getStyleClass().addAll("wd-side", "wd-house-side");
        side.setPadding(new Insets(8, 12, 12, 12));
        return side;
    }

    private static Node lockBanner(String text) {
        Label label = new Label(text, Icons.LOCK.node());
        label.getStyleClass().add("wd-lock-banner");
        label.setId(null);
        HBox banner = new HBox(label);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("wd-lock-row");
        return banner;
    }

    private Node actions() {
        Button save = Controls.button("Save draft", Icons.SAVE, "Save the house headline as a draft (Ctrl+S)",
                "editor-save");
        save.setOnAction(e -> vm.saveDraft());
        save.disableProperty().bind(vm.editableProperty().not());
        TextField note = new TextField();
        note.setId("editor-note");
        note.setPromptText("Note to the desk chief (optional)");
        note.setPrefColumnCount(28);
        note.editableProperty().bind(vm.editableProperty());
        Button submit = Controls.button("Submit for approval", Icons.SUBMIT,
                "Send the story to the desk chief (Ctrl+Enter)", "editor-submit");
        submit.setDefaultButton(false);
        submit.setOnAction(e -> vm.submit(note.getText()));
        submit.disableProperty().bind(vm.editableProperty().not());
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SUBMIT.match(e) && vm.editableProperty().get()) {
                vm.submit(note.getText());
                e.consume();
            }
        });
        Label message = Controls.message(vm.messageProperty());
        message.setId("editor-message");
        return new ToolBar(save, note, submit, Controls.grow(), message);
    }

    private void showMeta(StoryDetail detail) {
        if (detail == null) {
            meta.setText("");
            return;
        }
        var s = detail.story();
        meta.setText(s.sourceName() + (s.url() != null ? "  ·  " + s.url() : "") + "  ·  "
                + s.status().label() + "  ·  fingerprint " + s.body().sha256().substring(0, 12) + "…"
                + (detail.sourceVersions() > 0 ? "  ·  updated at source " + detail.sourceVersions()
                + (detail.sourceVersions() == 1 ? " time" : " times") + " since ingest (kept aside; this body stays)"
                : ""));
    }
}
