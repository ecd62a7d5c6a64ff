package org.wiredesk.desk.inbox;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/** The inbox screen: a table of wire stories, opened with Enter or a double click. */
public final class InboxView {
    private final InboxViewModel vm;
    private final DeskClock clock;
    private final Consumer<StoryId> open;
    private final BorderPane root = new BorderPane();
    private final TableView<StorySummary> table = new TableView<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> table.refresh();

    public InboxView(InboxViewModel vm, DeskClock clock, Consumer<StoryId> open) {
        this.vm = vm;
        this.clock = clock;
        this.open = open;
        root.getStyleClass().add("wd-inbox");
        root.setTop(toolbar());
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

    private ToolBar toolbar() {
        ComboBox<InboxViewModel.View> view = new ComboBox<>();
        view.getItems().setAll(InboxViewModel.View.values());
        view.valueProperty().bindBidirectional(vm.viewProperty());
        view.setId("inbox-view");
        view.setTooltip(new Tooltip("Which stories to show"));

        Button openButton = Controls.button("Open", Icons.EDIT, "Open the story in the headline editor (Enter)", "inbox-open");
        openButton.setOnAction(e -> openSelected());
        Button spike = Controls.button("Spike", Icons.SPIKE, "Spike the selected stories (Delete)", "inbox-spike");
        spike.setOnAction(e -> vm.spike(selected()));
        Button unspike = Controls.button("Unspike", Icons.UNSPIKE, "Return spiked stories to the inbox", "inbox-unspike");
        unspike.setOnAction(e -> vm.unspike(selected()));
        Button refresh = Controls.button("Refresh", Icons.REFRESH, "Reload the inbox (F5)", "inbox-refresh");
        refresh.setOnAction(e -> vm.reload());
        Button paste = Controls.button("Add URL", Icons.ADD, "Ingest a feed or article page by its address",
                "inbox-add-url");
        paste.setOnAction(e -> {
            javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(clipboardText());
            dialog.setTitle("Add a story by its address");
            dialog.setHeaderText("Paste the address of an article page or a feed");
            dialog.showAndWait().ifPresent(vm::ingestAddress);
        });

        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            spike.setDisable(!vm.canSpike(row));
            unspike.setDisable(!vm.canUnspike(row));
        });
        spike.setDisable(true);
        unspike.setDisable(true);

        return new ToolBar(view, openButton, spike, unspike, refresh, paste, Controls.grow(),
                Controls.message(vm.messageProperty()));
    }

    private TableView<StorySummary> table() {
        table.setId("inbox-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No stories here. Ingest a feed or a page to fill the inbox."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<StorySummary, String> headline = new TableColumn<>("Headline");
        headline.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runningHeadline().text()));
        headline.setPrefWidth(560);
        TableColumn<StorySummary, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceName()));
        source.setPrefWidth(180);
        TableColumn<StorySummary, Instant> received = new TableColumn<>("Received");
        received.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().received()));
        received.setCellFactory(c -> Relative.cell(clock, null));
        received.setPrefWidth(130);
        TableColumn<StorySummary, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status().label()
                + (c.getValue().updatedAtSource() != null ? " · updated at source" : "")));
        status.setPrefWidth(170);
        List.of(headline, source, received, status).forEach(col -> table.getColumns().add(col));

        table.setRowFactory(t -> {
            TableRow<StorySummary> row = new TableRow<>() {
                @Override
                protected void updateItem(StorySummary item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeIf(s -> s.startsWith("wd-status-"));
                    if (!empty && item != null) {
                        getStyleClass().add("wd-status-" + item.status().name().toLowerCase());
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                vm.spike(selected());
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                vm.reload();
                e.consume();
            }
        });
        return table;
    }

    private static String clipboardText() {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        return text != null && text.strip().startsWith("http") ? text.strip() : "";
    }

    private void openSelected() {
        StorySummary row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            open.accept(row.id());
        }
    }

    private List<StorySummary> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }
}
