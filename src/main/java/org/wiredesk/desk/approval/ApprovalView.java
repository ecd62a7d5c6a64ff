package org.wiredesk.desk.approval;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.ApprovalMark;
import org.wiredesk.desk.common.Banner;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.HeadlineWidth;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.desk.common.StoryDetail;
import org.wiredesk.desk.common.StyleLine;
import org.wiredesk.desk.common.ThreadPane;
import org.wiredesk.story.StorySummary;
import org.wiredesk.style.StyleIssue;

/**
 * The approval screen: submitted stories on the left, the one chosen on the right, approve or reject. Under the
 * headline its style slips, and the copy editor's reason for any it was submitted over; the body beside the story's
 * thread, where the chief can reply. Above the buttons, before the chief clicks: why the story cannot be approved,
 * or that approving will be self-approval.
 */
public final class ApprovalView {
    private final ApprovalViewModel vm;
    private final DeskClock clock;
    private final BorderPane root = new BorderPane();
    private final TableView<StorySummary> table = new TableView<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> table.refresh();

    public ApprovalView(ApprovalViewModel vm, DeskClock clock) {
        this.vm = vm;
        this.clock = clock;
        vm.setStyleMeasure(HeadlineWidth::measure);
        root.getStyleClass().add("wd-approval");
        root.getStylesheets().add(ApprovalView.class.getResource("approval.css").toExternalForm());
        SplitPane split = new SplitPane(queue(), detail());
        split.setDividerPositions(0.38);
        root.setCenter(split);
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

    private Node queue() {
        table.setId("approval-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Nothing waiting for approval."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StorySummary, String> headline = new TableColumn<>("House headline");
        headline.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runningHeadline().text()));
        headline.setPrefWidth(320);
        TableColumn<StorySummary, Instant> updated = new TableColumn<>("Submitted");
        updated.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().updated()));
        updated.setCellFactory(c -> Relative.cell(clock, null));
        table.getColumns().add(headline);
        table.getColumns().add(updated);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        return table;
    }

    private Node detail() {
        Label house = new Label();
        house.setId("approval-house-headline");
        house.getStyleClass().add("wd-approval-house");
        house.setWrapText(true);
        house.setMinHeight(Region.USE_PREF_SIZE); // the whole headline, however long: the body gives way
        Label agency = new Label();
        agency.setId("approval-agency-headline");
        agency.getStyleClass().add("wd-agency-headline");
        agency.setWrapText(true);
        Label submitted = new Label();
        submitted.getStyleClass().add("wd-editor-meta");
        ReadOnlyStringWrapper bodyText = new ReadOnlyStringWrapper("");
        vm.detailProperty().addListener((obs, old, d) -> {
            house.setText(d == null ? "" : d.story().runningHeadline().text());
            agency.setText(d == null ? "" : "Agency: " + d.story().agencyHeadline().text());
            submitted.setText(d == null ? "" : submittedLine(d, vm.sourceLineProperty().get()));
            bodyText.set(d == null ? "" : d.bodyText());
        });
        VBox style = new VBox(3);
        style.setId("approval-style");
        vm.styleIssues().addListener((ListChangeListener<StyleIssue>) c -> showStyle(style));
        Label missing = Banner.of(vm.overrideMissingProperty(), Banner.Kind.WARNING, "approval-override-missing");

        VBox box = new VBox(6, Controls.caption("House headline"), house, style,
                new OverrideCard(vm.styleOverrideProperty(), clock).node(), missing, agency, submitted,
                earlierApproval(), chosenBlocks(), bodyAndThread(bodyText));
        box.setPadding(new Insets(8, 12, 12, 12));
        BorderPane pane = new BorderPane(box);
        pane.setBottom(decision());
        return pane;
    }

    /** The locked body, and beside it what the copy editor and the chief said about the story. */
    private Node bodyAndThread(ReadOnlyStringWrapper bodyText) {
        LockedBodyArea body = new LockedBodyArea(bodyText.getReadOnlyProperty());
        body.setId("approval-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox left = new VBox(6, Controls.caption("Body (locked)"), body);
        Node thread = new ThreadPane(vm.thread(), clock, "approval-thread",
                "Reply to the copy editor: kept in the story's history").node();
        SplitPane split = new SplitPane(left, thread);
        split.setDividerPositions(0.54);
        split.getStyleClass().add("wd-approval-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    /**
     * When the copy editor chose the body's blocks on the source page (ADR 32): who, and each block dropped (struck
     * through) or added (marked) against what ingest made, in the original's order; nothing when the body is ingest's.
     */
    private Node chosenBlocks() {
        Label summary = new Label();
        summary.setId("approval-blocks-summary");
        summary.getStyleClass().add("wd-block-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.blockSummaryProperty());
        Label warning = Banner.of(vm.blockWarningProperty(), Banner.Kind.BLOCKED, "approval-blocks-warning");
        VBox lines = new VBox(2);
        lines.setId("approval-blocks");
        vm.blockChanges().addListener((ListChangeListener<ApprovalViewModel.BlockLine>) c -> {
            lines.getChildren().clear();
            for (ApprovalViewModel.BlockLine line : List.copyOf(vm.blockChanges())) {
                Label l = new Label((line.dropped() ? "\u2212 dropped  " : "+ added  ") + "#" + line.index() + "  "
                        + line.text());
                l.setWrapText(true);
                l.getStyleClass().add(line.dropped() ? "wd-block-dropped" : "wd-block-added");
                lines.getChildren().add(l);
            }
        });
        VBox box = new VBox(3, summary, lines, warning);
        box.getStyleClass().add("wd-approval-blocks");
        box.visibleProperty().bind(vm.blockSummaryProperty().isNotEmpty().or(vm.blockWarningProperty().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** A story held at publishing and sent back carries the approval it had: who gave it, and whether self. */
    private Node earlierApproval() {
        HBox row = new HBox();
        row.setId("approval-earlier");
        vm.earlierApprovalProperty().addListener((obs, old, a) -> row.getChildren().setAll(a == null ? List.of()
                : List.of(ApprovalMark.node("Approved before (then held and sent back): ", a))));
        return row;
    }

    /** What the chief should read first, any refusal, then the buttons: approve only when nothing blocks it. */
    private Node decision() {
        Label blocked = Banner.of(vm.blockedProperty(), Banner.Kind.BLOCKED, "approval-blocked");
        Label warning = Banner.of(vm.warningProperty(), Banner.Kind.WARNING, "approval-warning");
        Label embargo = Banner.of(vm.embargoProperty(), Banner.Kind.EMBARGO, "approval-embargo");
        Label withdrawn = Banner.of(vm.withdrawnProperty(), Banner.Kind.BLOCKED, "approval-withdrawn");
        var deskNotes = Banner.scrolling(vm.deskNotesProperty(), Banner.Kind.DESK_NOTE, "approval-desk-notes", 130);

        Button approve = Controls.button("Approve", Icons.APPROVE, "Approve for publication", "approval-approve");
        approve.getStyleClass().add("wd-primary");
        approve.setOnAction(e -> vm.approve());
        approve.disableProperty().bind(vm.approvableProperty().not());
        TextField reason = new TextField();
        reason.setId("approval-reason");
        reason.setPromptText("Reason for rejecting (required)");
        reason.setPrefColumnCount(30);
        Button reject = Controls.button("Reject", Icons.REJECT, "Send back to the copy editor with the reason",
                "approval-reject");
        reject.getStyleClass().add("wd-danger");
        reject.setOnAction(e -> {
            vm.reject(reason.getText());
            reason.clear();
        });
        reject.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(reason.textProperty().isEmpty()));
        VBox notes = new VBox(6, withdrawn, blocked, warning, embargo, deskNotes); // what was done: the status bar
        notes.setPadding(new Insets(0, 12, 6, 12));
        return new VBox(notes, new ToolBar(approve, reason, reject));
    }

    /** The house-style slips of the chosen headline, as the copy editor saw them; a nothing when there are none. */
    private void showStyle(VBox box) {
        box.getChildren().clear();
        for (StyleIssue issue : List.copyOf(vm.styleIssues())) {
            box.getChildren().add(StyleLine.of(issue));
        }
    }

    /** Who submitted it and where it came from; the submit note is on the thread, with the rest said about it. */
    private static String submittedLine(StoryDetail d, String sourceLine) {
        String by = d.submittedBy().isEmpty() ? "" : "Submitted by " + d.submittedBy() + "  ·  ";
        return by + (sourceLine.isEmpty() ? d.story().sourceName() : sourceLine);
    }
}
