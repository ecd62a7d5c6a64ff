package org.wiredesk.desk.quarantine;

import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.QuarantineEntry;

/** The quarantine: what could not be ingested, why, and a retry. Nothing is dropped. */
public final class QuarantineView {
    private final QuarantineViewModel vm;
    private final DeskClock clock;
    private final BorderPane root = new BorderPane();
    private final TableView<QuarantineEntry> table = new TableView<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> table.refresh();

    public QuarantineView(QuarantineViewModel vm, DeskClock clock) {
        this.vm = vm;
        this.clock = clock;
        Button retry = Controls.button("Retry", Icons.REFRESH, "Try to ingest the selected input again",
                "quarantine-retry");
        retry.setOnAction(e -> vm.retry(table.getSelectionModel().getSelectedItem()));
        retry.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        root.setTop(new ToolBar(retry)); // what a retry came to is said in the status bar
        root.setCenter(table());
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

    private TableView<QuarantineEntry> table() {
        table.setId("quarantine-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("Nothing in quarantine: everything ingested so far was taken."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<QuarantineEntry, Instant> when = new TableColumn<>("Received");
        when.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().at()));
        when.setCellFactory(c -> Relative.cell(clock, null));
        when.setPrefWidth(110);
        TableColumn<QuarantineEntry, String> origin = new TableColumn<>("From");
        origin.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().origin()));
        origin.setPrefWidth(330);
        TableColumn<QuarantineEntry, String> size = new TableColumn<>("Kept");
        size.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().size() == 0 ? "—"
                : String.format("%,d bytes", c.getValue().size())));
        size.setPrefWidth(100);
        TableColumn<QuarantineEntry, String> reason = new TableColumn<>("Why");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        reason.setPrefWidth(560);
        table.getColumns().add(when);
        table.getColumns().add(origin);
        table.getColumns().add(size);
        table.getColumns().add(reason);
        return table;
    }
}
