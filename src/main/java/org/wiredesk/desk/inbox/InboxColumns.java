package org.wiredesk.desk.inbox;

import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.EmbargoText;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.StorySummary;
import org.wiredesk.story.Timing;

/** The inbox table's columns, in the order the desk reads them. */
final class InboxColumns {
    private final InboxViewModel vm;
    private final DeskClock clock;

    InboxColumns(InboxViewModel vm, DeskClock clock) {
        this.vm = vm;
        this.clock = clock;
    }

    List<TableColumn<StorySummary, ?>> all() {
        List<TableColumn<StorySummary, ?>> all = List.of(priorityColumn(), urgencyColumn(), text("Headline", 560, s -> s.runningHeadline().text()), embargoColumn(),
                matchColumn(),
                text("Source", 180, StorySummary::sourceName), text("Reports", 100, vm::groupMark), atSourceColumn(), receivedColumn(),
                // the agency's withdrawal first: a narrow column still shows it
                text("Status", 150, s -> (s.withdrawnAtSource() ? "Withdrawn by the agency · " : "")
                        + s.status().label() + (s.updatedAtSource() != null && !s.withdrawnAtSource()
                        ? " · updated at source" : "")), editingColumn());
        // the store orders the list (it is paged): by the time received, the source's time or the urgency
        all.forEach(c -> c.setSortable(c.getId() != null));
        return all;
    }

    /** Whether any row on screen has this (rows not read yet are not asked for). */
    private javafx.beans.binding.BooleanBinding anyShown(java.util.function.Predicate<StorySummary> test,
                                                         javafx.beans.Observable... also) {
        javafx.beans.Observable[] on = new javafx.beans.Observable[also.length + 2];
        on[0] = vm.rows();
        on[1] = vm.arrivedProperty();
        System.arraycopy(also, 0, on, 2, also.length);
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.presentRows().stream().anyMatch(test), on);
    }

    static TableColumn<StorySummary, String> text(String title, double width,
                                                          java.util.function.Function<StorySummary, String> value) {
        TableColumn<StorySummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() == null ? null : value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /**
     * The "!" column: a bolt for an urgent story, a flag for one the desk flagged, both when both. Each mark says
     * what it means on hover and to a screen reader. Sorts urgent first, then flagged.
     */
    static TableColumn<StorySummary, StorySummary> priorityColumn() {
        TableColumn<StorySummary, StorySummary> priority = new TableColumn<>("!");
        priority.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        priority.setComparator(java.util.Comparator.comparing((StorySummary s) -> !InboxViewModel.urgent(s))
                .thenComparing(s -> !s.priority()));
        priority.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StorySummary item, boolean empty) {
                super.updateItem(item, empty);
                boolean urgent = !empty && item != null && InboxViewModel.urgent(item);
                boolean flagged = !empty && item != null && item.priority();
                javafx.scene.layout.HBox marks = new javafx.scene.layout.HBox(1);
                marks.setAlignment(javafx.geometry.Pos.CENTER);
                if (!getStyleClass().contains("wd-bang")) {
                    getStyleClass().add("wd-bang");
                }
                if (urgent) {
                    marks.getChildren().add(Icons.URGENT.node());
                }
                if (flagged) {
                    marks.getChildren().add(Icons.PRIORITY.node());
                }
                String says = urgent && flagged ? "Urgent, flagged priority" : urgent ? "Urgent"
                        : flagged ? "Flagged priority" : null;
                setGraphic(says == null ? null : marks);
                setAccessibleText(says);
                setTooltip(says == null ? null : new Tooltip(says + (urgent && item.urgency() != null
                        ? " (the agency's urgency " + item.urgency() + ")" : "")));
                getStyleClass().remove("wd-urgent");
                if (urgent) {
                    getStyleClass().add("wd-urgent");
                }
            }
        });
        priority.setPrefWidth(40);
        priority.setMaxWidth(48);
        return priority;
    }

    /**
     * The agency's urgency (1 = flash … 9; issue 13), sortable: most urgent first, stories without one last. Shown
     * only while a row in the list has one.
     */
    TableColumn<StorySummary, Integer> urgencyColumn() {
        TableColumn<StorySummary, Integer> urgency = new TableColumn<>("Urg.");
        urgency.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().urgency()));
        urgency.setId("inbox-col-urgency"); // sortable: the store orders the list (most urgent first, none last)
        urgency.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null ? null : new Tooltip("The agency's urgency: " + item
                        + (item <= 2 ? " (urgent)" : "") + "; 1 is a flash, 9 the least urgent"));
            }
        });
        urgency.setPrefWidth(70);
        urgency.visibleProperty().bind(anyShown(r -> r.urgency() != null));
        return urgency;
    }

    /** Who is editing the story, and since when (a claim). */
    TableColumn<StorySummary, StorySummary> editingColumn() {
        TableColumn<StorySummary, StorySummary> editing = new TableColumn<>("Editing");
        editing.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        editing.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StorySummary item, boolean empty) {
                super.updateItem(item, empty);
                boolean claimed = !empty && item != null && item.claimedBy() != null;
                setText(claimed ? item.claimedBy() + (item.claimedSince() == null ? ""
                        : " · " + Relative.text(item.claimedSince(), clock)) : null);
                setTooltip(claimed && item.claimedSince() != null ? new Tooltip(item.claimedBy()
                        + " has been editing since " + Relative.exact(item.claimedSince()).getText()) : null);
            }
        });
        editing.setPrefWidth(160);
        return editing;
    }

    /**
     * The embargo a story is under, plainly: a lock and "until" the time, with how long to go. Shown only while a
     * row in the list has one; a lifted or passed embargo shows nothing.
     */
    TableColumn<StorySummary, StorySummary> embargoColumn() {
        TableColumn<StorySummary, StorySummary> embargo = new TableColumn<>("Embargo");
        embargo.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        embargo.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StorySummary item, boolean empty) {
                super.updateItem(item, empty);
                boolean under = !empty && item != null && item.embargoedAt(clock.now());
                setText(under ? "until " + EmbargoText.when(item.embargoUntil()) : null);
                setGraphic(under ? Icons.EMBARGO.node() : null);
                getStyleClass().remove("wd-embargoed");
                if (under) {
                    getStyleClass().add("wd-embargoed");
                }
                setTooltip(under ? new Tooltip("Embargoed: nothing publishes this story before "
                        + Timing.describe(item.embargoUntil()) + " (" + Relative.text(item.embargoUntil(), clock)
                        + ")") : null);
            }
        });
        embargo.setPrefWidth(235);
        embargo.visibleProperty().bind(anyShown(r -> r.embargoedAt(clock.now()), clock.nowProperty()));
        return embargo;
    }

    /** When the source says it published the story, beside when the desk received it; sortable, unknown last. */
    TableColumn<StorySummary, Instant> atSourceColumn() {
        TableColumn<StorySummary, Instant> atSource = new TableColumn<>("At source");
        atSource.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null
                : c.getValue().publishedAtSource()));
        atSource.setId("inbox-col-at-source");
        atSource.setCellFactory(c -> Relative.cell(clock, null));
        atSource.setPrefWidth(150);
        atSource.setMinWidth(110); // "2 minutes ago" whole, beside a wide Match column
        return atSource;
    }

    TableColumn<StorySummary, Instant> receivedColumn() {
        TableColumn<StorySummary, Instant> received = new TableColumn<>("Received");
        received.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null
                : c.getValue().received()));
        received.setId("inbox-col-received");
        received.setCellFactory(c -> Relative.cell(clock, null));
        received.setPrefWidth(130);
        received.setMinWidth(110);
        return received;
    }

    /** Where a full-text search found the words, marked; shown only while there are matches. */
    TableColumn<StorySummary, String> matchColumn() {
        TableColumn<StorySummary, String> match = new TableColumn<>("Match");
        match.setCellValueFactory(c -> c.getValue() == null ? new ReadOnlyStringWrapper(null)
                : javafx.beans.binding.Bindings.valueAt(vm.matches(), c.getValue().id()));
        match.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                // one line, as every row: a flow left to wrap at the cell's first, tiny measure made the row
                // thousands of pixels tall; the cell clips what its column cannot show, the tooltip has it all
                String line = item.replaceAll("\\s+", " ");
                setGraphic(new javafx.scene.Group(marked(line)));
                setTooltip(new javafx.scene.control.Tooltip(line
                        .replace(String.valueOf(org.wiredesk.search.SearchHit.MARK_START), "")
                        .replace(String.valueOf(org.wiredesk.search.SearchHit.MARK_END), "")));
                if (getClip() == null) {
                    javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
                    clip.widthProperty().bind(widthProperty());
                    clip.heightProperty().bind(heightProperty());
                    setClip(clip);
                }
            }
        });
        match.setPrefWidth(300);
        match.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.matches()));
        return match;
    }

    static javafx.scene.text.TextFlow marked(String text) {
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        boolean on = false;
        StringBuilder run = new StringBuilder();
        for (char ch : (text + org.wiredesk.search.SearchHit.MARK_START).toCharArray()) {
            if (ch == org.wiredesk.search.SearchHit.MARK_START || ch == org.wiredesk.search.SearchHit.MARK_END) {
                if (run.length() > 0) {
                    javafx.scene.text.Text t = new javafx.scene.text.Text(run.toString());
                    t.getStyleClass().add(on ? "wd-match" : "wd-match-context");
                    flow.getChildren().add(t);
                    run.setLength(0);
                }
                on = ch == org.wiredesk.search.SearchHit.MARK_START;
            } else {
                run.append(ch);
            }
        }
        return flow;
    }
}
