package org.wiredesk.desk.inbox;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.desk.common.Relative;

/**
 * The preview pane beside the inbox's list: the selected story's house headline (when the desk has one) over the
 * agency's, its source, times and status, and its body, locked as in the editor.
 */
final class StoryPreview {
    private final VBox root = new VBox(6);

    StoryPreview(PreviewModel model, DeskClock clock) {
        root.setId("inbox-preview");
        root.getStyleClass().add("wd-preview");
        root.getStylesheets().add(StoryPreview.class.getResource("inbox.css").toExternalForm());
        root.setPadding(new Insets(8));
        root.setMinWidth(240);
        Label house = label("inbox-preview-house", "wd-preview-headline");
        house.textProperty().bind(model.houseHeadlineProperty());
        house.visibleProperty().bind(model.houseHeadlineProperty().isNotEmpty());
        house.managedProperty().bind(house.visibleProperty());
        Label agency = label("inbox-preview-agency", "wd-preview-agency");
        agency.textProperty().bind(Bindings.when(model.houseHeadlineProperty().isEmpty())
                .then(model.agencyHeadlineProperty())
                .otherwise(Bindings.concat("Agency: ", model.agencyHeadlineProperty())));
        javafx.css.PseudoClass under = javafx.css.PseudoClass.getPseudoClass("under-house");
        model.houseHeadlineProperty().addListener((obs, was, now) -> agency.pseudoClassStateChanged(under,
                !now.isEmpty()));
        Label meta = label("inbox-preview-meta", "wd-preview-meta");
        meta.textProperty().bind(Bindings.createStringBinding(() -> metaLine(model, clock), model.sourceProperty(),
                model.atSourceProperty(), model.receivedProperty(), model.statusProperty(), clock.nowProperty()));
        LockedBodyArea body = new LockedBodyArea(Bindings.when(model.loadingProperty()).then("Loading the body…")
                .otherwise(model.bodyProperty()));
        body.setId("inbox-preview-body");
        body.setFocusTraversable(false); // the arrow keys stay with the list
        VBox.setVgrow(body, Priority.ALWAYS);
        Label none = new Label("Select a story to read it here");
        none.getStyleClass().add("wd-preview-empty");
        none.visibleProperty().bind(model.shownProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        body.visibleProperty().bind(model.shownProperty().isNotNull());
        root.getChildren().addAll(none, house, agency, meta, body);
    }

    Node node() {
        return root;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private static String when(Instant at, DeskClock clock) {
        return Relative.exact(at).getText() + " (" + Relative.text(at, clock) + ")";
    }

    /** "Northgate Wire · at source 27 Nov 09:12 (3 hours ago) · received … · New". */
    private static String metaLine(PreviewModel model, DeskClock clock) {
        if (model.sourceProperty().get().isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder(model.sourceProperty().get());
        Instant at = model.atSourceProperty().get();
        line.append(" · at source ").append(at == null ? "not given" : when(at, clock));
        Instant in = model.receivedProperty().get();
        if (in != null) {
            line.append(" · received ").append(when(in, clock));
        }
        return line.append(" · ").append(model.statusProperty().get()).toString();
    }
}
