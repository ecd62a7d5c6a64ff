package org.wiredesk.desk.approval;

import java.time.Instant;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.ThreadEntry;

/**
 * What the desk chief reads before approving a headline submitted over house style: who overrode it and when, their
 * reason, and the errors they overrode as they were shown them. Nothing while the submission overrode nothing.
 */
final class OverrideCard {
    private final VBox box = new VBox(3);
    private final Label who = new Label();
    private final Label reason = new Label();
    private final VBox errors = new VBox(2);
    private final DeskClock clock;
    private final ChangeListener<Instant> onTick;
    private ThreadEntry shown;

    OverrideCard(ObservableValue<ThreadEntry> override, DeskClock clock) {
        this.clock = clock;
        box.setId("approval-override");
        box.getStyleClass().add("wd-override-card");
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        who.setId("approval-override-by");
        who.getStyleClass().add("wd-override-title");
        who.setGraphic(Icons.WARNING.node());
        reason.setId("approval-override-reason");
        reason.getStyleClass().add("wd-override-reason");
        reason.setWrapText(true);
        errors.setId("approval-override-errors");
        Label overrode = new Label("Errors overridden, as the copy editor was shown them:");
        overrode.getStyleClass().add("wd-override-caption");
        box.getChildren().addAll(who, reason, overrode, errors);
        override.addListener((obs, old, now) -> show(now));
        onTick = (obs, old, now) -> show(shown);
        clock.nowProperty().addListener(new WeakChangeListener<>(onTick));
        show(override.getValue());
    }

    Node node() {
        return box;
    }

    private void show(ThreadEntry override) {
        shown = override;
        box.setVisible(override != null);
        box.setManaged(override != null);
        errors.getChildren().clear();
        if (override == null) {
            return;
        }
        who.setText("Submitted over house style by " + override.author() + ", " + Relative.text(override.at(), clock));
        who.setTooltip(Relative.exact(override.at()));
        reason.setText(override.text());
        for (String error : override.styleErrors()) {
            Label line = new Label(error, Icons.REJECT.node());
            line.getStyleClass().add("wd-issue-error");
            line.setWrapText(true);
            errors.getChildren().add(line);
        }
    }
}
