package org.wiredesk.desk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Notices;

/**
 * The status bar's notification area: the latest confirmation or refusal as one sentence (red when it is a refusal),
 * and a button that lists the last ones with their time, severity and screen.
 */
final class NoticeArea {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final Notices notices;
    private final Label latest = new Label();
    private final Button earlier = new Button();
    private final ListView<Notices.Notice> list;
    private final Popup popup = new Popup();
    private final VBox box;

    NoticeArea(Notices notices) {
        this.notices = notices;
        latest.setId("status-notice");
        latest.getStyleClass().addAll("wd-message", "wd-notice");
        latest.setMinWidth(0);
        latest.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(latest, Priority.ALWAYS);
        notices.latestProperty().addListener((obs, old, notice) -> show(notice));

        earlier.setId("status-notices");
        earlier.setGraphic(Icons.HISTORY.node());
        earlier.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        earlier.setAccessibleText("Earlier messages");
        earlier.setTooltip(new Tooltip("Earlier messages: the last " + Notices.KEPT + ", newest first"));
        earlier.getStyleClass().add("wd-notices-button");
        earlier.setOnAction(e -> toggle());

        list = new ListView<>(notices.kept());
        list.setId("notices-list");
        list.setPrefSize(720, 320);
        list.setPlaceholder(new Label("Nothing has been said yet."));
        list.setCellFactory(l -> new NoticeCell());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        Label title = new Label("Messages (newest first)");
        title.getStyleClass().add("wd-caption");
        box = new VBox(6, title, list);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
    }

    /** The button and the latest sentence, for the status bar's left side. */
    Node node() {
        HBox box = new HBox(6, earlier, latest);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Shows or hides the list of the last messages, over the status bar. */
    void toggle() {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        if (earlier.getScene() == null) {
            return;
        }
        // a popup has a scene of its own: it takes the window's stylesheets, theme and zoom
        box.getStylesheets().setAll(earlier.getScene().getStylesheets());
        box.getStyleClass().setAll("root", "wd-notices");
        box.getStyleClass().addAll(org.wiredesk.desk.common.DeskLook.classesAround(earlier));
        var at = earlier.localToScreen(0, 0); // the list opens upwards, over the screen
        popup.show(earlier, at.getX(), Math.max(0, at.getY() - list.getPrefHeight() - 40));
        list.requestFocus();
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    boolean listShowing() {
        return popup.isShowing();
    }

    private void show(Notices.Notice notice) {
        latest.getStyleClass().remove("wd-problem");
        if (notice == null) {
            latest.setText("");
            latest.setGraphic(null);
            return;
        }
        boolean problem = notice.severity() == Notices.Severity.PROBLEM;
        if (problem) {
            latest.getStyleClass().add("wd-problem");
        }
        latest.setText(notice.text());
        latest.setGraphic(problem ? Icons.WARNING.node() : Icons.APPROVE.node());
        latest.setTooltip(new Tooltip(TIME.format(notice.at()) + " · " + notice.where() + " · "
                + notice.severity().label() + "\n" + notice.text()));
    }

    /** One message: its time, its severity, the screen that said it, and the sentence, wrapped. */
    private static final class NoticeCell extends ListCell<Notices.Notice> {
        @Override
        protected void updateItem(Notices.Notice notice, boolean empty) {
            super.updateItem(notice, empty);
            getStyleClass().remove("wd-notice-problem");
            if (empty || notice == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (notice.severity() == Notices.Severity.PROBLEM) {
                getStyleClass().add("wd-notice-problem");
            }
            setGraphic(notice.severity() == Notices.Severity.PROBLEM ? Icons.WARNING.node() : Icons.APPROVE.node());
            setText(TIME.format(notice.at()) + "  " + notice.severity().label() + "  " + notice.where() + ":  "
                    + notice.text());
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
