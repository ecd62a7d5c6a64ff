package org.wiredesk.desk.publish;

import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.ApprovalMark;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.EmbargoText;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.desk.publish.PublishViewModel.HeldStory;
import org.wiredesk.story.Approval;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.Timing;

/**
 * The publish screen: approved stories to run (who approved each, self-approval marked) and the stories the
 * publisher held back with its reason and a way to send them back, beside the stories on the site (the Published
 * view) and its recent posts, where the desk chief corrects a headline or kills a story.
 */
public final class PublishView {
    private final PublishViewModel vm;
    private final DeskClock clock;
    private final Consumer<String> openPage;
    private final BorderPane root = new BorderPane();
    private final ListView<HeldStory> held = new ListView<>();
    private final TableView<StorySummary> approvedTable = new TableView<>();
    private final PublishedPane published;
    private final RecentPostsPane recent;
    private final ChangeListener<Instant> onTick = (obs, old, now) -> timesMoved();

    public PublishView(PublishViewModel vm, DeskClock clock, Consumer<String> openPage) {
        this.vm = vm;
        this.clock = clock;
        this.openPage = openPage;
        root.getStyleClass().add("wd-publish");
        root.getStylesheets().add(PublishView.class.getResource("publish.css").toExternalForm());
        PostActions actions = new PostActions(vm, () -> root.getScene() == null ? null : root.getScene().getWindow());
        published = new PublishedPane(vm, clock, actions);
        recent = new RecentPostsPane(vm, clock, actions, openPage);
        SplitPane left = new SplitPane(approved(), heldStories());
        left.setOrientation(javafx.geometry.Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        SplitPane right = new SplitPane(published.node(), recent.node());
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        Label site = new Label("Site folder: " + vm.site(), Icons.FOLDER.node());
        Button openSite = Controls.button("Open site", Icons.OPEN, "Open the site's index in the browser",
                "publish-open-site");
        openSite.setOnAction(e -> openPage.accept(vm.site().resolve("index.html").toUri().toString()));
        root.setBottom(new ToolBar(site, openSite));
    }

    private void timesMoved() {
        approvedTable.refresh();
        recent.refresh();
        published.refresh();
        held.refresh();
    }

    public Node node() {
        return root;
    }

    public void activate() {
        clock.nowProperty().addListener(onTick);
        vm.activate();
    }

    public void deactivate() {
        clock.nowProperty().removeListener(onTick);
        vm.deactivate();
    }

    /** Whether the screen is in front (its tab selected): behind another, it reloads only when it shows again. */
    public void showing(boolean now) {
        vm.showing(now);
    }

    private Node approved() {
        TableView<StorySummary> table = approvedTable();
        Button publish = Controls.button("Publish", Icons.PUBLISH, "Publish the selected story", "publish-one");
        publish.getStyleClass().add("wd-primary");
        publish.setOnAction(e -> vm.publish(table.getSelectionModel().getSelectedItem()));
        publish.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button all = Controls.button("Publish all", Icons.PUBLISH, "Publish every approved story whose time has come "
                + "(embargoed and scheduled stories wait)", "publish-all");
        all.setOnAction(e -> vm.publishAll());
        all.disableProperty().bind(Bindings.isEmpty(vm.approved()));
        Button schedule = Controls.button("Schedule…", Icons.SCHEDULE,
                "Run the selected story at a time: the desk publishes it then", "publish-schedule");
        schedule.setOnAction(e -> time(table.getSelectionModel().getSelectedItem(), Timing.Kind.SCHEDULE));
        Button embargo = Controls.button("Embargo…", Icons.EMBARGO,
                "Embargo the selected story, move its embargo or lift it", "publish-embargo");
        embargo.setOnAction(e -> time(table.getSelectionModel().getSelectedItem(), Timing.Kind.EMBARGO));
        for (Button b : new Button[] {schedule, embargo}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            if (!vm.mayTime()) {
                b.disableProperty().unbind();
                b.setDisable(true);
            }
        }
        if (!vm.mayPublish()) {
            publish.disableProperty().unbind();
            publish.setDisable(true);
            all.disableProperty().unbind();
            all.setDisable(true);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(new ToolBar(publish, all, new javafx.scene.control.Separator(), schedule, embargo), table);
    }

    /** Asks for the embargo's end or the schedule's time (or to clear it), and sets it. */
    private void time(StorySummary row, Timing.Kind kind) {
        if (row == null) {
            return;
        }
        Timing now = vm.timings().getOrDefault(row.id(), Timing.NONE);
        Instant current = kind == Timing.Kind.EMBARGO ? now.embargoUntil() : now.scheduledFor();
        Instant suggested = clock.now().plus(java.time.Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant proposal = kind == Timing.Kind.SCHEDULE && now.embargoUntil() != null
                && now.embargoUntil().isAfter(suggested) ? now.embargoUntil() : suggested;
        TimingDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), kind, row.id(),
                row.runningHeadline().text(), current, proposal).ifPresent(choice -> {
                    if (kind == Timing.Kind.EMBARGO) {
                        vm.embargo(row.id(), choice.at(), choice.reason());
                    } else {
                        vm.schedule(row.id(), choice.at());
                    }
                });
    }

    private TableView<StorySummary> approvedTable() {
        TableView<StorySummary> table = approvedTable;
        table.setItems(vm.approved());
        table.setId("publish-table");
        table.setPlaceholder(new Label("No approved stories waiting."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StorySummary, String> headline = new TableColumn<>("Approved — house headline");
        headline.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runningHeadline().text()));
        headline.setPrefWidth(250);
        TableColumn<StorySummary, Approval> by = new TableColumn<>("Approved by");
        by.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.approvals().get(c.getValue().id())));
        by.setCellFactory(c -> new ApprovedByCell());
        by.setPrefWidth(150);
        TableColumn<StorySummary, Timing> runs = new TableColumn<>("Runs");
        runs.setCellValueFactory(c -> Bindings.valueAt(vm.timings(), c.getValue().id()));
        runs.setCellFactory(c -> new RunsCell());
        runs.setPrefWidth(180);
        TableColumn<StorySummary, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceName()));
        source.setPrefWidth(120);
        table.getColumns().add(headline);
        table.getColumns().add(runs);
        table.getColumns().add(by);
        table.getColumns().add(source);
        return table;
    }

    /** When the story runs: under embargo until a time, scheduled for a time, or as soon as it is published. */
    private final class RunsCell extends TableCell<StorySummary, Timing> {
        @Override
        protected void updateItem(Timing timing, boolean empty) {
            super.updateItem(timing, empty);
            getStyleClass().remove("wd-embargoed");
            if (empty) {
                setText(null);
                setGraphic(null);
                return;
            }
            Timing t = timing == null ? Timing.NONE : timing;
            Instant now = clock.now();
            boolean embargoLater = t.scheduledFor() == null || t.embargoUntil() != null
                    && t.embargoUntil().isAfter(t.scheduledFor());
            // whichever comes later is when it runs
            if (t.embargoedAt(now) && embargoLater) {
                setText("Embargo to " + EmbargoText.when(t.embargoUntil()));
                setGraphic(Icons.EMBARGO.node());
                getStyleClass().add("wd-embargoed");
                setTooltip(new javafx.scene.control.Tooltip("Under embargo until "
                        + Timing.describe(t.embargoUntil()) + ": nothing publishes it earlier"));
            } else if (t.scheduledAfter(now)) {
                setText("At " + EmbargoText.when(t.scheduledFor()));
                setGraphic(Icons.SCHEDULE.node());
                setTooltip(new javafx.scene.control.Tooltip("Scheduled: the desk publishes it "
                        + Timing.describe(t.scheduledFor())));
            } else {
                setText("When published");
                setGraphic(null);
                setTooltip(null);
            }
        }
    }

    /** The approver, and the self-approved badge when the approver wrote the headline or submitted the story. */
    private static final class ApprovedByCell extends TableCell<StorySummary, Approval> {
        @Override
        protected void updateItem(Approval approval, boolean empty) {
            super.updateItem(approval, empty);
            setText(null);
            if (empty || approval == null) {
                setGraphic(null);
                return;
            }
            Label who = new Label(approval.actor());
            HBox box = new HBox(6, who);
            box.setAlignment(Pos.CENTER_LEFT);
            if (approval.selfApproved()) {
                box.getChildren().add(ApprovalMark.badge());
            }
            setGraphic(box);
        }
    }

    /** Stories the publisher refused, each with its reason; the desk chief sends one back with a reason. */
    private Node heldStories() {
        held.setId("publish-held");
        held.setItems(vm.held());
        held.setPlaceholder(new Label("Nothing held: the publisher refused no approved story."));
        held.setCellFactory(list -> new HeldCell());
        VBox.setVgrow(held, Priority.ALWAYS);
        TextField reason = new TextField();
        reason.setId("publish-send-back-reason");
        reason.setPromptText("Reason for the copy editor (required)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        held.getSelectionModel().selectedItemProperty().addListener((obs, old, story) ->
                reason.setText(story == null ? "" : story.reason()));
        Button sendBack = Controls.button("Send back", Icons.SEND_BACK,
                "Send the held story back to the copy editor with the reason", "publish-send-back");
        sendBack.setOnAction(e -> vm.sendBack(held.getSelectionModel().getSelectedItem(), reason.getText()));
        sendBack.disableProperty().bind(held.getSelectionModel().selectedItemProperty().isNull()
                .or(reason.textProperty().isEmpty()));
        if (!vm.maySendBack()) {
            sendBack.disableProperty().unbind();
            sendBack.setDisable(true);
        }
        HBox actions = new HBox(8, reason, sendBack);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label("Held — the publisher refused these", Icons.HELD.node());
        caption.getStyleClass().addAll("wd-caption", "wd-held-caption");
        VBox box = new VBox(6, caption, held, actions);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    /** A held story: its headline, the publisher's reason, when and by whom it was held, and its approval. */
    private final class HeldCell extends ListCell<HeldStory> {
        @Override
        protected void updateItem(HeldStory story, boolean empty) {
            super.updateItem(story, empty);
            setText(null);
            if (empty || story == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label headline = new Label(story.headline());
            headline.getStyleClass().add("wd-recent-headline");
            headline.setWrapText(true);
            Label reason = new Label(story.reason());
            reason.getStyleClass().add("wd-held-reason");
            reason.setWrapText(true);
            Label when = new Label("Held " + Relative.text(story.heldAt(), clock)
                    + (story.heldBy().isEmpty() ? "" : "  ·  publishing run by " + story.heldBy()));
            when.getStyleClass().add("wd-recent-time");
            VBox cell = new VBox(2, headline, reason, when);
            if (story.approval() != null) {
                cell.getChildren().add(ApprovalMark.node("Approved by ", story.approval()));
            }
            cell.setPrefWidth(0);
            setGraphic(cell);
            setTooltip(Relative.exact(story.heldAt()));
        }
    }
}
