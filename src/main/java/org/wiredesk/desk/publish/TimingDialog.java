package org.wiredesk.desk.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.Timing;

/**
 * Asks a desk chief for an embargo's end or a schedule's time (a date and a time on this workstation's clock), with
 * the reason for an embargo; or, when one is set, to lift the embargo or cancel the schedule. The services check
 * the time (in the future, a schedule no earlier than the embargo) and say why in one sentence.
 */
final class TimingDialog {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** What the chief chose: a time, or none to lift the embargo or cancel the schedule, and the reason. */
    record Choice(Instant at, String reason) {
        boolean clears() {
            return at == null;
        }
    }

    private TimingDialog() {
    }

    static Optional<Choice> ask(Window owner, Timing.Kind kind, StoryId id, String headline, Instant current,
                                Instant suggested) {
        boolean embargo = kind == Timing.Kind.EMBARGO;
        ZoneId zone = ZoneId.systemDefault();
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle((embargo ? "Embargo" : "Schedule") + " — story " + id);
        dialog.setHeaderText(embargo ? "Embargo story " + id + ": nothing publishes it earlier"
                : "Schedule story " + id + ": the desk publishes it at this time");
        dialog.setGraphic((embargo ? Icons.EMBARGO : Icons.SCHEDULE).node());
        ZonedDateTime start = (current != null ? current : suggested).atZone(zone);
        DatePicker date = new DatePicker(start.toLocalDate());
        date.setId("timing-date");
        TextField time = new TextField(HH_MM.format(start));
        time.setId("timing-time");
        time.setPrefColumnCount(5);
        time.setPromptText("HH:mm");
        TextArea reason = PublishDialogs.reasonArea("timing-reason", "Why (optional; kept in the history), e.g. the "
                + "agency's embargo note");
        ButtonType set = new ButtonType(embargo ? "Embargo" : "Schedule", ButtonBar.ButtonData.OK_DONE);
        ButtonType clear = new ButtonType(embargo ? "Lift embargo" : "Cancel schedule", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(set, ButtonType.CANCEL);
        if (current != null) {
            dialog.getDialogPane().getButtonTypes().add(clear);
            ((Button) dialog.getDialogPane().lookupButton(clear)).setId("timing-clear");
        }
        Button confirm = (Button) dialog.getDialogPane().lookupButton(set);
        confirm.setId("timing-confirm");
        confirm.disableProperty().bind(Bindings.createBooleanBinding(
                () -> at(date.getValue(), time.getText(), zone) == null, date.valueProperty(), time.textProperty()));
        dialog.getDialogPane().setContent(form(headline, current, date, time, zone, embargo ? reason : null));
        dialog.setResultConverter(b -> b == set ? new Choice(at(date.getValue(), time.getText(), zone),
                blankToNull(reason.getText())) : b == clear ? new Choice(null, blankToNull(reason.getText())) : null);
        PublishDialogs.style(dialog, owner, "wd-timing-dialog");
        Platform.runLater(time::requestFocus);
        return dialog.showAndWait();
    }

    /** The instant a date and an "HH:mm" time name on this clock, or null when they do not make one. */
    static Instant at(LocalDate date, String time, ZoneId zone) {
        if (date == null || time == null) {
            return null;
        }
        try {
            // a time the clock change skips or repeats makes none: the button stays off
            return Timing.atLocal(date.atTime(LocalTime.parse(time.strip(), HH_MM)), zone).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Node form(String headline, Instant current, DatePicker date, TextField time, ZoneId zone,
                             TextArea reason) {
        Label story = new Label(headline);
        story.getStyleClass().add("wd-dialog-current");
        story.setWrapText(true);
        Label zoneName = new Label(zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        zoneName.getStyleClass().add("wd-count");
        HBox when = new HBox(8, date, time, zoneName);
        when.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, PublishDialogs.caption("Story"), story);
        if (current != null) {
            Label now = new Label("Now: " + Timing.describe(current));
            now.setId("timing-current");
            box.getChildren().add(now);
        }
        box.getChildren().addAll(PublishDialogs.caption("Date and time"), when);
        if (reason != null) {
            box.getChildren().addAll(PublishDialogs.caption("Reason"), reason);
        }
        return box;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
