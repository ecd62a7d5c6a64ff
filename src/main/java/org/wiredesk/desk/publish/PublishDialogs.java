package org.wiredesk.desk.publish;

import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** What the Publish screen's dialogs share: the desk's look over the window that asked, and a reason field. */
final class PublishDialogs {
    private PublishDialogs() {
    }

    /**
     * Puts the dialog over its window, with the window's stylesheets on the dialog's own scene: the desk's looked-up
     * colours and fonts are set on a scene's root (desk.css), which a dialog's pane alone would not reach.
     */
    static void style(Dialog<?> dialog, Window owner, String styleClass) {
        var stylesheets = dialog.getDialogPane().getScene() != null
                ? dialog.getDialogPane().getScene().getStylesheets() : dialog.getDialogPane().getStylesheets();
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                stylesheets.addAll(owner.getScene().getStylesheets());
            }
        }
        stylesheets.add(PublishDialogs.class.getResource("publish.css").toExternalForm());
        dialog.getDialogPane().getStyleClass().addAll("wd-dialog", styleClass);
        dialog.getDialogPane().setPrefWidth(540);
    }

    static TextArea reasonArea(String id, String prompt) {
        TextArea reason = new TextArea();
        reason.setId(id);
        reason.setPromptText(prompt);
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        return reason;
    }

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("wd-caption");
        return label;
    }
}
