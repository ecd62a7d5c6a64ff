package org.wiredesk.desk.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.HeadlineDraft;
import org.wiredesk.style.WordDiff;

/**
 * The headline's saved revisions in the editor, in a pane that opens collapsed: select one to compare it with the
 * headline now, two to compare them, and revert to one. Its list is made the first time the pane is opened: a
 * collapsed pane's list is still made, styled and laid out, for nobody to see (issue 12 point 5).
 */
final class RevisionHistory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** How the editor makes its buttons (icon, id, and a tooltip once the editor is shown). */
    interface Buttons {
        Button make(String text, Icons icon, String tip, String id);
    }

    private final EditorViewModel vm;
    private final TitledPane pane;
    private final VBox content = new VBox(4);
    private final TextFlow compare = new TextFlow();
    private ListView<HeadlineDraft> list;

    RevisionHistory(EditorViewModel vm, Buttons buttons) {
        this.vm = vm;
        compare.setId("editor-compare");
        Button revert = buttons.make("Revert", Icons.UNSPIKE, "Put the selected revision back as the headline",
                "editor-revert");
        revert.setOnAction(e -> {
            if (list != null) {
                vm.revert(list.getSelectionModel().getSelectedItem());
            }
        });
        revert.disableProperty().bind(vm.editableProperty().not());
        content.getChildren().addAll(compare, revert);
        pane = new TitledPane("Headline history (select one to compare with now, two to compare them)", content);
        pane.setExpanded(false);
        pane.setId("editor-history");
        pane.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                showList();
            }
        });
    }

    Node node() {
        return pane;
    }

    /** The list of revisions, made now if it was not yet (the pane was never opened). */
    ListView<HeadlineDraft> showList() {
        if (list == null) {
            list = revisionList();
            content.getChildren().add(0, list);
        }
        return list;
    }

    private ListView<HeadlineDraft> revisionList() {
        ListView<HeadlineDraft> revisions = new ListView<>(vm.revisions());
        revisions.setId("editor-revisions");
        revisions.setPrefHeight(110);
        revisions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        revisions.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HeadlineDraft d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : TIME.format(d.at()) + "  " + d.author() + ":  " + d.headline());
            }
        });
        revisions.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HeadlineDraft>) c -> {
            var picked = List.copyOf(revisions.getSelectionModel().getSelectedItems());
            if (picked.isEmpty()) {
                compare.getChildren().clear();
            } else if (picked.size() == 1) {
                EditorView.showDiff(compare, WordDiff.between(picked.get(0).headline().text(),
                        vm.houseHeadlineProperty().get()));
            } else {
                EditorView.showDiff(compare, WordDiff.between(picked.get(0).headline().text(),
                        picked.get(1).headline().text()));
            }
        });
        return revisions;
    }
}
