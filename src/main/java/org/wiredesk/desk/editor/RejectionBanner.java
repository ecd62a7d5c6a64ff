package org.wiredesk.desk.editor;

import java.time.Instant;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.ThreadEntry;

/**
 * The first thing a copy editor reads on a story the desk chief sent back: who sent it back, when, and why, in the
 * chief's words. Shown until the story is submitted again.
 */
final class RejectionBanner {
    private final VBox box = new VBox(2);
    private final Label who = new Label();
    private final Label reason = new Label();
    private final DeskClock clock;
    private final ChangeListener<Instant> onTick;
    private ThreadEntry shown;

    RejectionBanner(ObservableValue<ThreadEntry> rejection, DeskClock clock) {
        this.clock = clock;
        box.setId("editor-rejection");
        box.getStyleClass().add("wd-rejection");
        who.setId("editor-rejection-by");
        who.getStyleClass().add("wd-rejection-by");
        who.setGraphic(Icons.SEND_BACK.node());
        reason.setId("editor-rejection-reason");
        reason.getStyleClass().add("wd-rejection-reason");
        reason.setWrapText(true);
        Label hint = new Label("Change the headline and submit it again, or reply on the thread below.");
        hint.getStyleClass().add("wd-rejection-hint");
        HBox top = new HBox(who);
        top.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(top, reason, hint);
        rejection.addListener((obs, old, now) -> show(now));
        onTick = (obs, old, now) -> show(shown);
        clock.nowProperty().addListener(new WeakChangeListener<>(onTick));
        show(rejection.getValue());
    }

    Node node() {
        return box;
    }

    private void show(ThreadEntry rejection) {
        shown = rejection;
        box.setVisible(rejection != null);
        box.setManaged(rejection != null);
        if (rejection != null) {
            who.setText("Sent back by " + rejection.author() + ", " + Relative.text(rejection.at(), clock));
            who.setTooltip(Relative.exact(rejection.at()));
            reason.setText(rejection.text());
        }
    }
}
