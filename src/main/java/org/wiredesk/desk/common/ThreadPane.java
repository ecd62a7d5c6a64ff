package org.wiredesk.desk.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.wiredesk.story.ThreadEntry;

/**
 * A story's thread as a screen shows it: each thing said as a card (who, what kind, how long ago, the words; an
 * override with the errors it overrode), newest at the bottom, and a reply box under it (Ctrl+Enter sends).
 */
public final class ThreadPane {
    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final ThreadViewModel vm;
    private final DeskClock clock;
    private final String id;
    private final VBox root = new VBox(6);
    private final VBox cards = new VBox(6);
    private final Label title = new Label();
    /** Each card's time label and the time it tells, so a tick of the desk clock can refresh them. */
    private final List<Stamp> times = new ArrayList<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> refreshTimes();

    /** @param id the prefix of this pane's node ids ({@code editor-thread}: {@code editor-thread-reply}, ...) */
    public ThreadPane(ThreadViewModel vm, DeskClock clock, String id, String replyPrompt) {
        this.vm = vm;
        this.clock = clock;
        this.id = id;
        root.setId(id);
        root.getStyleClass().add("wd-thread");
        root.getChildren().addAll(header(), list(), replyBox(replyPrompt));
        vm.entries().addListener((ListChangeListener<ThreadEntry>) c -> showEntries());
        // weak: the pane goes with its screen, and the desk clock stays
        clock.nowProperty().addListener(new WeakChangeListener<>(onTick));
        showEntries();
    }

    private record Stamp(Label label, Instant at) {
    }

    public Node node() {
        return root;
    }

    private Node header() {
        title.getStyleClass().add("wd-caption");
        title.setGraphic(Icons.THREAD.node());
        return title;
    }

    private Node list() {
        cards.setId(id + "-list");
        cards.setPadding(new Insets(2, 4, 2, 2));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("wd-thread-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // the newest is at the bottom: keep it in view as the thread grows
        cards.heightProperty().addListener((obs, old, now) -> scroll.setVvalue(1.0));
        return scroll;
    }

    private Node replyBox(String prompt) {
        TextArea reply = new TextArea();
        reply.setId(id + "-reply");
        reply.getStyleClass().add("wd-thread-reply");
        reply.setPromptText(prompt);
        reply.setWrapText(true);
        reply.setPrefRowCount(2);
        reply.textProperty().bindBidirectional(vm.replyProperty());
        reply.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                vm.send();
                e.consume();
            }
        });
        HBox.setHgrow(reply, Priority.ALWAYS);
        Button send = Controls.button("Reply", Icons.REPLY, "Add to the story's thread, kept in its history "
                + "(Ctrl+Enter)", id + "-send");
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.canSendBinding().not());
        send.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(6, reply, send);
        row.setAlignment(Pos.BOTTOM_LEFT);
        Label message = Controls.message(vm.messageProperty(), vm.problemProperty());
        message.setId(id + "-message");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox box = new VBox(4, row, message);
        box.setVisible(vm.mayReply());
        box.setManaged(vm.mayReply());
        return box;
    }

    private void showEntries() {
        int n = vm.entries().size();
        title.setText(n == 0 ? "Conversation" : "Conversation · " + n);
        times.clear();
        cards.getChildren().clear();
        if (n == 0) {
            Label empty = new Label("Nothing said yet. Notes, rejections and replies on this story appear here, "
                    + "and stay in its history.");
            empty.getStyleClass().add("wd-thread-empty");
            empty.setWrapText(true);
            cards.getChildren().add(empty);
            return;
        }
        for (ThreadEntry entry : List.copyOf(vm.entries())) {
            cards.getChildren().add(card(entry));
        }
    }

    private Node card(ThreadEntry entry) {
        Label author = new Label(entry.author());
        author.getStyleClass().add("wd-thread-author");
        Label kind = new Label(entry.kind().label());
        kind.getStyleClass().addAll("wd-thread-kind", "wd-thread-kind-" + entry.kind().name().toLowerCase()
                .replace('_', '-'));
        author.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Label when = new Label(Relative.text(entry.at(), clock));
        when.getStyleClass().add("wd-thread-time");
        when.setTooltip(Relative.exact(entry.at()));
        times.add(new Stamp(when, entry.at()));
        HBox top = new HBox(8, author, kind, Controls.grow(), when);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(3, top);
        card.getStyleClass().addAll("wd-thread-card", "wd-thread-card-" + entry.kind().name().toLowerCase()
                .replace('_', '-'));
        if (entry.text() != null && !entry.text().isEmpty()) {
            Label text = new Label(entry.text());
            text.getStyleClass().add("wd-thread-text");
            text.setWrapText(true);
            card.getChildren().add(text);
        } else {
            Label none = new Label("No note for the desk chief.");
            none.getStyleClass().add("wd-thread-empty");
            card.getChildren().add(none);
        }
        for (String error : entry.styleErrors()) {
            Label line = new Label(error, Icons.REJECT.node());
            line.getStyleClass().add("wd-issue-error");
            line.setWrapText(true);
            card.getChildren().add(line);
        }
        return card;
    }

    private void refreshTimes() {
        for (Stamp t : times) {
            t.label().setText(Relative.text(t.at(), clock));
        }
    }
}
