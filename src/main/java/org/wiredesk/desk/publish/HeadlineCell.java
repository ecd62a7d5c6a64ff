package org.wiredesk.desk.publish;

import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Icons;

/**
 * A story's headline in the Published view and, under it when its source withdrew it, the mark: "Source withdrew:
 * 410 on 27 Nov 21:30" with what was seen on hover, and for a desk chief, while the story runs, one button that
 * opens the kill with the reason filled in.
 */
final class HeadlineCell extends TableCell<PublishedStory, PublishedStory> {
    private final PostActions actions;

    HeadlineCell(PostActions actions) {
        this.actions = actions;
    }

    @Override
    protected void updateItem(PublishedStory story, boolean empty) {
        super.updateItem(story, empty);
        setGraphic(null);
        setTooltip(null);
        if (empty || story == null) {
            setText(null);
            return;
        }
        if (story.withdrawn() == null) {
            setText(story.headline());
            return;
        }
        setText(null);
        Label headline = new Label(story.headline());
        headline.setMinWidth(0);
        Label mark = new Label(story.withdrawn().mark(ZoneId.systemDefault()), Icons.WITHDRAWN.node());
        mark.getStyleClass().add("wd-withdrawn-mark");
        mark.setId("published-withdrawn-" + story.id());
        mark.setMinWidth(0);
        mark.setTooltip(new Tooltip(story.withdrawn().detail() + "\nNoted by " + story.withdrawn().notedBy()));
        HBox line = new HBox(8, mark);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(mark, Priority.SOMETIMES);
        if (!story.killed() && actions.mayKill()) {
            Button kill = new Button("Kill\u2026", Icons.KILL.node());
            kill.setId("published-withdrawn-kill-" + story.id());
            kill.getStyleClass().addAll("wd-post-action", "wd-withdrawn-kill");
            kill.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            kill.setTooltip(new Tooltip(PostActions.KILL_WITHDRAWN.replace("\u2026", "")
                    + ": the kill dialog opens with the reason filled in"));
            kill.setOnAction(e -> actions.killWithdrawn(story.id(), story.headline(), story.withdrawn()));
            line.getChildren().add(kill);
        }
        VBox box = new VBox(2, headline, line);
        box.setMinWidth(0);
        setGraphic(box);
    }
}
