package org.wiredesk.desk.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.Source;

/** The Sources screen: what the desk polls, how each source is doing, and its settings. */
public final class SourcesView {
    private final SourcesViewModel vm;
    private final DeskClock clock;
    private final BorderPane root = new BorderPane();
    private final TableView<SourcesViewModel.Row> table = new TableView<>();
    private final TableView<SourcesViewModel.CreditRow> credits = new TableView<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> table.refresh();

    public SourcesView(SourcesViewModel vm, DeskClock clock) {
        this.vm = vm;
        this.clock = clock;
        root.getStyleClass().add("wd-sources");
        root.getStylesheets().add(SourcesView.class.getResource("sources.css").toExternalForm());
        root.setTop(toolbar());
        SplitPane split = new SplitPane(table(), creditPanel());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
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

    private ToolBar toolbar() {
        Button add = Controls.button("Add source", Icons.ADD, "Add a feed, an article page or a drop folder",
                "sources-add");
        add.setOnAction(e -> edit(null).ifPresent(vm::save));
        Button edit = Controls.button("Edit", Icons.EDIT, "Change the selected source", "sources-edit");
        edit.setOnAction(e -> selected().flatMap(r -> edit(r.source())).ifPresent(vm::save));
        Button remove = Controls.button("Remove", Icons.REJECT, "Stop polling the selected source (its stories stay)",
                "sources-remove");
        remove.setOnAction(e -> selected().ifPresent(r -> vm.delete(r.source())));
        Button poll = Controls.button("Poll now", Icons.REFRESH, "Poll the selected source now", "sources-poll");
        poll.setOnAction(e -> selected().ifPresent(r -> vm.pollNow(r.source())));
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(none);
        remove.disableProperty().bind(none);
        poll.disableProperty().bind(none);
        if (!vm.mayEdit()) {
            add.setDisable(true);
            edit.disableProperty().unbind();
            edit.setDisable(true);
            remove.disableProperty().unbind();
            remove.setDisable(true);
        }
        Label message = Controls.message(vm.messageProperty());
        message.setId("sources-message");
        return new ToolBar(add, edit, remove, poll, Controls.grow(), message);
    }

    private Optional<SourcesViewModel.Row> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private TableView<SourcesViewModel.Row> table() {
        table.setId("sources-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No sources yet. Add a feed, an article page or a drop folder to poll."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Source", 170, r -> r.source().name() + (r.source().enabled() ? "" : " (off)")));
        table.getColumns().add(text("Kind", 90, r -> r.source().kind().label()));
        table.getColumns().add(text("Address", 260, r -> r.source().address()));
        table.getColumns().add(text("Every", 70, r -> r.source().pollInterval().toMinutes() + " min"));
        table.getColumns().add(text("Credit", 120, r -> r.source().credit() == null ? "(feed title)"
                : r.source().credit()));
        table.getColumns().add(time("Last success", r -> r.health() == null ? null : r.health().lastSuccess()));
        table.getColumns().add(text("24 h", 50, r -> r.health() == null ? "" : Integer.toString(r.health().itemsLast24h())));
        table.getColumns().add(text("Last error", 220, r -> r.health() == null || r.health().lastError() == null ? ""
                : r.health().lastError() + (r.health().failures() > 0 ? " (" + r.health().failures() + "× in a row)" : "")));
        return table;
    }

    private static TableColumn<SourcesViewModel.Row, String> text(String title, double width,
                                                                  java.util.function.Function<SourcesViewModel.Row, String> value) {
        TableColumn<SourcesViewModel.Row, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private TableColumn<SourcesViewModel.Row, Instant> time(String title,
                                                            java.util.function.Function<SourcesViewModel.Row, Instant> value) {
        TableColumn<SourcesViewModel.Row, Instant> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> Relative.cell(clock, "never"));
        col.setPrefWidth(110);
        return col;
    }

    /**
     * The agencies' credit addresses (ADR 19): the web address printed under an agency's stories that have no web
     * page of their own. Agencies whose waiting stories need one and have none come first, marked.
     */
    private Node creditPanel() {
        credits.setId("credits-table");
        credits.setItems(vm.creditRows());
        credits.setPlaceholder(new Label("Every story so far has a web page of its own: no credit address is needed."));
        credits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        credits.getColumns().add(creditText("Agency", 170, SourcesViewModel.CreditRow::agency));
        credits.getColumns().add(creditText("Credit address", 300, r -> r.credit() != null
                ? r.credit().address().toString() : r.missing() ? "None: its stories cannot be approved" : ""));
        credits.getColumns().add(creditText("Set by", 90, r -> r.credit() == null ? "" : r.credit().author()));
        TableColumn<SourcesViewModel.CreditRow, Instant> at = new TableColumn<>("Set");
        at.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().credit() == null ? null
                : c.getValue().credit().at()));
        at.setCellFactory(c -> Relative.cell(clock, ""));
        at.setPrefWidth(110);
        credits.getColumns().add(at);
        credits.getColumns().add(creditText("Stories without a web page", 170,
                r -> r.withoutWebPage() == 0 ? "" : Integer.toString(r.withoutWebPage())));
        credits.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SourcesViewModel.CreditRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(MISSING, !empty && row != null && row.missing());
            }
        });
        Button set = Controls.button("Set credit address", Icons.EDIT, "Set the web address printed under the "
                + "selected agency's stories that have no web page of their own", "credits-set");
        set.setOnAction(e -> {
            SourcesViewModel.CreditRow row = credits.getSelectionModel().getSelectedItem();
            creditDialog(row == null ? "" : row.agency(), row == null || row.credit() == null ? ""
                    : row.credit().address().toString()).ifPresent(a -> vm.setCredit(a[0], a[1]));
        });
        set.setDisable(!vm.maySetCredits());
        Label title = new Label("Credit addresses");
        title.getStyleClass().add("wd-sources-credits-title");
        Label hint = new Label("An agency item often has no web page. Its page then ends with the address set here "
                + "for its agency; an approval keeps the address it was approved with.");
        hint.setWrapText(true);
        hint.getStyleClass().add("wd-sources-credits-hint");
        VBox box = new VBox(6, new ToolBar(title, Controls.grow(), set), hint, credits);
        VBox.setVgrow(credits, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    private static TableColumn<SourcesViewModel.CreditRow, String> creditText(String title, double width,
            java.util.function.Function<SourcesViewModel.CreditRow, String> value) {
        TableColumn<SourcesViewModel.CreditRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    /** Asks for an agency and its credit address; empty when cancelled. */
    private Optional<String[]> creditDialog(String agency, String address) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Set credit address");
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextField name = new TextField(agency);
        name.setId("credit-agency");
        name.setPromptText("The agency, as its stories name it (e.g. dpa)");
        TextField url = new TextField(address);
        url.setId("credit-address");
        url.setPromptText("https://www.dpa.com");
        url.setPrefColumnCount(36);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        form.addRow(0, new Label("Agency"), name);
        form.addRow(1, new Label("Credit address"), url);
        Label note = new Label("Printed under the agency's stories that have no web page of their own, from the next "
                + "approval on.");
        note.setWrapText(true);
        note.setMaxWidth(420);
        form.add(note, 1, 2);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("credit-ok");
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new String[] {name.getText(), url.getText()});
    }

    /** The add/edit form; empty when cancelled or not valid. */
    private Optional<Source> edit(Source current) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(current == null ? "Add source" : "Edit source");
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow()); // centred on the desk, which keeps its size
        }
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        TextField name = new TextField(current == null ? "" : current.name());
        name.setId("source-name");
        TextField address = new TextField(current == null ? "" : current.address());
        address.setId("source-address");
        address.setPromptText("https://agency.example/rss.xml or /path/to/drop-folder");
        ComboBox<Source.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(Source.Kind.values());
        kind.setValue(current == null ? Source.Kind.FEED : current.kind());
        Spinner<Integer> minutes = new Spinner<>(1, 24 * 60, current == null ? 5
                : (int) Math.max(1, current.pollInterval().toMinutes()));
        minutes.setEditable(true);
        TextField credit = new TextField(current == null || current.credit() == null ? "" : current.credit());
        credit.setId("source-credit");
        credit.setPromptText("Agency credit printed under its stories (blank: the feed's title)");
        CheckBox enabled = new CheckBox("Poll this source");
        enabled.setSelected(current == null || current.enabled());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Address"), address);
        form.addRow(2, new Label("Kind"), kind);
        form.addRow(3, new Label("Every (minutes)"), minutes);
        form.addRow(4, new Label("Credit"), credit);
        form.addRow(5, new Label(""), enabled);
        address.setPrefColumnCount(36);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("source-ok");
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> {
            try {
                return new Source(current == null ? 0 : current.id(), name.getText().isBlank() ? address.getText()
                        : name.getText(), address.getText(), kind.getValue(),
                        Duration.ofMinutes(minutes.getValue()), credit.getText(), enabled.isSelected());
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }
}
