package org.wiredesk.desk.publish;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.wiredesk.desk.common.Banner;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.StoryId;

/**
 * Asks for the reason a published story is killed (required), after a plain warning of what a kill does: the page
 * is replaced by a withdrawal notice and the story leaves the site's lists, for good. Cancel is the default.
 */
final class KillDialog {
    static final String WARNING = "Its page will be replaced by a withdrawal notice and the story leaves the site's "
            + "lists. A kill cannot be undone.";

    private KillDialog() {
    }

    static Optional<String> ask(Window owner, StoryId id, String headline) {
        return ask(owner, id, headline, "");
    }

    /** The same, with a reason filled in that the desk chief may edit (it must stay non-blank). */
    static Optional<String> ask(Window owner, StoryId id, String headline, String suggestedReason) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Kill — story " + id);
        dialog.setHeaderText("Kill story " + id);
        dialog.setGraphic(Icons.KILL.node());
        TextArea reason = PublishDialogs.reasonArea("kill-reason",
                "Why the story is withdrawn (required; kept in the history)");
        reason.setText(suggestedReason);
        ButtonType go = new ButtonType("Kill story", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form(headline, reason));
        Button confirm = (Button) dialog.getDialogPane().lookupButton(go);
        confirm.setId("kill-confirm");
        confirm.getStyleClass().add("wd-kill");
        // a destructive step: Enter must not take it
        confirm.setDefaultButton(false);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> reason.getText().isBlank(), reason.textProperty()));
        dialog.setResultConverter(b -> b == go ? reason.getText().strip() : null);
        PublishDialogs.style(dialog, owner, "wd-kill-dialog");
        Platform.runLater(reason::requestFocus);
        return dialog.showAndWait();
    }

    private static Node form(String headline, TextArea reason) {
        Label story = new Label(headline);
        story.getStyleClass().add("wd-dialog-current");
        story.setWrapText(true);
        Label warning = Banner.of(new ReadOnlyStringWrapper(WARNING), Banner.Kind.BLOCKED, "kill-warning");
        return new VBox(6, PublishDialogs.caption("Story"), story, warning, PublishDialogs.caption("Reason"),
                reason);
    }
}
