package org.wiredesk.desk.common;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.wiredesk.story.Approval;

/**
 * How the screens show an approval on record: who approved and when, and a visible "self-approved" mark when the
 * approver wrote the headline or submitted the story (allowed only on a one-person desk).
 */
public final class ApprovalMark {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private ApprovalMark() {
    }

    /** "dee, 26 Nov 12:00", with " (self-approved)" when it was; empty without an approval. */
    public static String text(Approval approval) {
        if (approval == null) {
            return "";
        }
        return approval.actor() + ", " + TIME.format(approval.at()) + (approval.selfApproved() ? " (self-approved)"
                : "");
    }

    /** The approver and time as text, then the self-approved badge when it was. */
    public static HBox node(String lead, Approval approval) {
        Label who = new Label(lead + approval.actor() + ", " + TIME.format(approval.at()));
        who.getStyleClass().add("wd-approval-by");
        HBox box = new HBox(6, who);
        box.setAlignment(Pos.CENTER_LEFT);
        if (approval.selfApproved()) {
            box.getChildren().add(badge());
        }
        return box;
    }

    /** The "Self-approved" badge. */
    public static Label badge() {
        Label badge = new Label("Self-approved");
        badge.getStyleClass().add("wd-self-approved");
        return badge;
    }
}
