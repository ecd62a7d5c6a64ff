package org.wiredesk.desk.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * A sentence the desk must read before acting (why a story cannot be approved, what approving will record): shown
 * only while there is something to say, coloured by kind from the stylesheet.
 */
public final class Banner {
    /** How serious the sentence is: a blocker (the action is off) or a warning (the action is on, read first). */
    public enum Kind {
        BLOCKED(Icons.BLOCKED, "wd-banner-blocked"),
        WARNING(Icons.WARNING, "wd-banner-warning"),
        /** A story under embargo or scheduled: it may not run yet (ADR 17). */
        EMBARGO(Icons.EMBARGO, "wd-banner-warning"),
        /** What the agency told the desk: read it, never publish it. */
        DESK_NOTE(Icons.THREAD, "wd-banner-warning");

        private final Icons icon;
        private final String styleClass;

        Kind(Icons icon, String styleClass) {
            this.icon = icon;
            this.styleClass = styleClass;
        }
    }

    private Banner() {
    }

    public static Label of(ObservableValue<String> text, Kind kind, String id) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(kind.icon.node());
        label.getStyleClass().addAll("wd-banner", kind.styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(text);
        var shown = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isEmpty(), text);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
        return label;
    }

    /**
     * A banner that may run long (an agency's notes to the desk): at most {@code maxHeight} tall, scrolling beyond,
     * so the commands below it stay on screen. The label inside carries the id.
     */
    public static javafx.scene.Node scrolling(ObservableValue<String> text, Kind kind, String id, double maxHeight) {
        Label label = of(text, kind, id);
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(label);
        pane.setFitToWidth(true);
        pane.setMaxHeight(maxHeight);
        pane.setPrefViewportHeight(maxHeight);
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.getStyleClass().add("wd-banner-scroll");
        pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pane.visibleProperty().bind(label.visibleProperty());
        pane.managedProperty().bind(label.managedProperty());
        // short notes take only their own height
        pane.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(maxHeight, label.prefHeight(Math.max(100, pane.getWidth() - 20))),
                label.textProperty(), pane.widthProperty()));
        return pane;
    }
}
