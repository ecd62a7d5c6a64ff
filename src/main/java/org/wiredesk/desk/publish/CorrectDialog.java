package org.wiredesk.desk.publish;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.StoryId;

/**
 * Asks for a published story's new headline and the reason for the change (both required), saying that only the
 * headline changes: the page is rewritten at its address and the body stays as the agency sent it.
 */
final class CorrectDialog {
    /** What the desk chief typed. */
    record Correction(String headline, String reason) {
    }

    private CorrectDialog() {
    }

    static Optional<Correction> ask(Window owner, StoryId id, String headline) {
        Dialog<Correction> dialog = new Dialog<>();
        dialog.setTitle("Correct headline — story " + id);
        dialog.setHeaderText("Correct the headline of story " + id);
        dialog.setGraphic(Icons.CORRECT.node());
        TextField newHeadline = new TextField(headline);
        newHeadline.setId("correct-headline");
        TextArea reason = PublishDialogs.reasonArea("correct-reason",
                "Why the headline changes (required; kept in the history)");
        ButtonType go = new ButtonType("Correct headline", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form(headline, newHeadline, reason));
        Node confirm = dialog.getDialogPane().lookupButton(go);
        confirm.setId("correct-confirm");
        confirm.disableProperty().bind(Bindings.createBooleanBinding(() -> newHeadline.getText().isBlank()
                        || newHeadline.getText().strip().equals(headline) || reason.getText().isBlank(),
                newHeadline.textProperty(), reason.textProperty()));
        dialog.setResultConverter(b -> b == go ? new Correction(newHeadline.getText().strip(),
                reason.getText().strip()) : null);
        PublishDialogs.style(dialog, owner, "wd-correct-dialog");
        Platform.runLater(() -> {
            newHeadline.requestFocus();
            newHeadline.selectAll();
        });
        return dialog.showAndWait();
    }

    private static Node form(String headline, TextField newHeadline, TextArea reason) {
        Label now = new Label(headline);
        now.getStyleClass().add("wd-dialog-current");
        now.setWrapText(true);
        Label note = new Label("Only the headline changes: the body stays exactly as the agency sent it. The page is "
                + "rewritten at the same address and marked as corrected.");
        note.getStyleClass().add("wd-dialog-note");
        note.setWrapText(true);
        return new VBox(6, PublishDialogs.caption("Headline now"), now, PublishDialogs.caption("New headline"),
                newHeadline, PublishDialogs.caption("Reason"), reason, note);
    }
}
