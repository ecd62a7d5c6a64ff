package org.wiredesk.desk.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small builders the screens share, so every button has an icon, a tooltip and an id to find it by. */
public final class Controls {
    private Controls() {
    }

    public static Button button(String text, Icons icon, String tip, String id) {
        Button b = new Button(text, icon.node());
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        return b;
    }

    public static Label message(ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add("wd-message");
        label.textProperty().bind(text);
        label.setWrapText(true);
        return label;
    }

    /** A message that turns to the danger colour while it reports a refusal or a failure. */
    public static Label message(ObservableValue<String> text, ObservableValue<Boolean> problem) {
        Label label = message(text);
        problem.addListener((obs, was, now) -> showProblem(label, Boolean.TRUE.equals(now)));
        showProblem(label, Boolean.TRUE.equals(problem.getValue()));
        return label;
    }

    private static void showProblem(Label label, boolean problem) {
        label.getStyleClass().remove("wd-problem");
        if (problem) {
            label.getStyleClass().add("wd-problem");
        }
    }

    public static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("wd-caption");
        return label;
    }

    public static Region grow() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return grow;
    }
}
