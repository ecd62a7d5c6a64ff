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
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StorySummary;

/** The inbox screen: a table of wire stories, opened with Enter or a double click. */
public final class InboxView {
    private final InboxViewModel vm;
    private final DeskClock clock;
    private final Consumer<StoryId> open;
    private final BorderPane root = new BorderPane();
    private final TableView<StorySummary> table = new TableView<>();
    private final TextField search = new TextField();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> table.refresh();

    public InboxView(InboxViewModel vm, DeskClock clock, Consumer<StoryId> open) {
        this.vm = vm;
        this.clock = clock;
        this.open = open;
        // every word typed is a query over the whole view in the store (ADR 28): ask once typing pauses
        vm.setTypingDebouncer(new org.wiredesk.desk.common.FxDebouncer(javafx.util.Duration.millis(200),
                javafx.util.Duration.millis(600)));
        root.getStyleClass().add("wd-inbox");
        root.setTop(new javafx.scene.layout.VBox(toolbar(), narrowBar()));
        root.setCenter(table());
        vm.urgentProperty().addListener((obs, old, now) -> notifyUrgent(now));
        vm.marksVersionProperty().addListener((obs, old, now) -> table.refresh());
        vm.arrivedProperty().addListener((obs, old, now) -> table.refresh());
    }

    private static final String PREVIEW_HIDDEN = "inbox.preview.hidden";
    private PreviewModel preview;
    private final javafx.beans.property.BooleanProperty previewShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "previewShown", false);

    /**
     * Puts the preview pane beside the list: the selected story, following the keyboard. It is shown unless this
     * member hid it (F8, or Inbox ▸ Preview pane), and that choice is kept in their preferences.
     */
    public void preview(PreviewModel model, org.wiredesk.desk.common.MemberPrefs prefs) {
        this.preview = model;
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table);
        split.setId("inbox-split");
        // made now, not when first shown: the window finds the table under the screen (column widths) before that
        split.setSkin(new javafx.scene.control.skin.SplitPaneSkin(split));
        Node pane = new StoryPreview(model, clock).node();
        javafx.scene.control.SplitPane.setResizableWithParent(pane, false);
        previewShown.addListener((obs, was, shown) -> {
            if (shown) {
                split.getItems().add(pane);
                placeDivider(split, prefs.number("inbox.preview.divider").orElse(0.62));
                follow(table.getSelectionModel().getSelectedIndex());
            } else {
                prefs.put("inbox.preview.divider", split.getDividerPositions()[0]);
                split.getItems().remove(pane);
                model.clear();
            }
            prefs.put(PREVIEW_HIDDEN, !shown);
        });
        previewShown.set(!prefs.flag(PREVIEW_HIDDEN));
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> follow(i.intValue()));
        root.setCenter(split);
    }

    /**
     * Puts the divider where the member left it. Before the split has its width, the skin's first layout would
     * move it to suit the panes' preferred widths (the preview's long lines), squeezing the list; so it is placed
     * again once the split is laid out at its real width.
     */
    private static void placeDivider(javafx.scene.control.SplitPane split, double position) {
        split.setDividerPositions(position);
        if (split.getWidth() > 0) {
            return;
        }
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> split.setDividerPositions(position));
                }
            }
        });
    }

    /** The preview follows the selection (the row's id is known before its row is read). */
    private void follow(int index) {
        if (preview == null || !previewShown.get()) {
            return;
        }
        if (index < 0 || index >= table.getItems().size()) {
            preview.clear();
        } else {
            preview.show(vm.idAt(index), table.getItems().get(index));
        }
    }

    /** Whether the preview pane is shown. */
    public javafx.beans.property.BooleanProperty previewShownProperty() {
        return previewShown;
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
        List<Node> items = new java.util.ArrayList<>(List.of(viewChooser(), searchField()));
        items.addAll(storyButtons());
        items.add(addByAddress()); // what was done is said in the status bar: a toolbar's overflow would hide it
        return new ToolBar(items.toArray(Node[]::new));
    }

    private ComboBox<InboxViewModel.View> viewChooser() {
        ComboBox<InboxViewModel.View> view = new ComboBox<>();
        view.getItems().setAll(InboxViewModel.View.values());
        view.valueProperty().bindBidirectional(vm.viewProperty());
        view.setId("inbox-view");
        view.setTooltip(new Tooltip("Which stories to show"));
        return view;
    }

    /** What the toolbar does to the selected stories, each enabled when it applies to the selection. */
    private List<Button> storyButtons() {
        Button openButton = Controls.button("Open", Icons.EDIT, "Open the story in the headline editor (Enter)", "inbox-open");
        openButton.setOnAction(e -> openSelected());
        Button spike = Controls.button("Spike", Icons.SPIKE, "Spike the selected stories (S or Delete; Ctrl+Z undoes)",
                "inbox-spike");
        spike.setOnAction(e -> vm.actions().spike(selected()));
        Button unspike = Controls.button("Unspike", Icons.UNSPIKE, "Return spiked stories to the inbox (U)",
                "inbox-unspike");
        unspike.setOnAction(e -> vm.actions().unspike(selected()));
        Button flag = Controls.button("Priority", Icons.PRIORITY, "Flag or unflag the selected stories (P)",
                "inbox-priority");
        flag.setOnAction(e -> vm.actions().togglePriority(selected()));
        Button read = Controls.button("Read", Icons.READ, "Mark the selected stories read or unread (R)",
                "inbox-read");
        read.setOnAction(e -> vm.actions().toggleRead(selected()));
        Button refresh = Controls.button("Refresh", Icons.REFRESH, "Reload the inbox (F5)", "inbox-refresh");
        refresh.setOnAction(e -> vm.reload());

        var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
        openButton.disableProperty().bind(nothingSelected);
        flag.disableProperty().bind(nothingSelected);
        read.disableProperty().bind(nothingSelected);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            spike.setDisable(!vm.actions().canSpike(row));
            unspike.setDisable(!vm.actions().canUnspike(row));
        });
        spike.setDisable(true);
        unspike.setDisable(true);
        return List.of(openButton, spike, unspike, flag, read, refresh);
    }

    private Button addByAddress() {
        Button paste = Controls.button("Add URL", Icons.ADD, "Ingest a feed or article page by its address",
                "inbox-add-url");
        paste.setOnAction(e -> {
            javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(clipboardText());
            ownedBy(dialog);
            dialog.setTitle("Add a story by its address");
            dialog.setHeaderText("Paste the address of an article page or a feed");
            dialog.showAndWait().ifPresent(vm.actions()::ingestAddress);
        });
        return paste;
    }

    private TextField searchField() {
        search.setId("inbox-search");
        search.setPromptText("Filter as you type; Enter searches bodies too (Ctrl+F)");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(vm.filterProperty());
        // a filter: the text field would consume Escape itself
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                table.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                vm.searchFullText();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        return search;
    }

    private TableView<StorySummary> table() {
        table.setId("inbox-table");
        table.setItems(vm.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No stories here. Ingest a feed or a page to fill the inbox."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(new InboxColumns(vm, clock).all());
        table.setRowFactory(t -> row());
        // the list is paged: the store orders it (received or the source's time), never the table in memory
        table.setSortPolicy(t -> {
            InboxLoader.Order order = InboxLoader.Order.NEWEST_FIRST;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<StorySummary, ?> c = t.getSortOrder().get(0);
                boolean up = c.getSortType() == TableColumn.SortType.ASCENDING;
                if ("inbox-col-received".equals(c.getId())) {
                    order = up ? InboxLoader.Order.OLDEST_FIRST : InboxLoader.Order.NEWEST_FIRST;
                } else if ("inbox-col-at-source".equals(c.getId())) {
                    order = up ? InboxLoader.Order.AT_SOURCE_OLDEST_FIRST : InboxLoader.Order.AT_SOURCE_NEWEST_FIRST;
                } else if ("inbox-col-urgency".equals(c.getId())) {
                    order = up ? InboxLoader.Order.MOST_URGENT_FIRST : InboxLoader.Order.LEAST_URGENT_FIRST;
                }
            }
            InboxLoader.Order wanted = order;
            // after the table's own sort bookkeeping: it restores the selection as if it had sorted in place
            javafx.application.Platform.runLater(() -> vm.orderProperty().set(wanted));
            return true;
        });
        table.setOnKeyPressed(e -> {
            if (key(e.getCode(), e.isShortcutDown())) {
                e.consume();
            }
        });
        return table;
    }

    /** A row styled by its status and whether it was read; a double click opens the story. */
    private TableRow<StorySummary> row() {
        TableRow<StorySummary> row = new TableRow<>() {
            @Override
            protected void updateItem(StorySummary item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("wd-status-") || s.equals("wd-unread"));
                if (!empty && item != null) {
                    getStyleClass().add("wd-status-" + item.status().name().toLowerCase());
                    if (!item.read()) {
                        getStyleClass().add("wd-unread");
                    }
                }
            }
        };
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                vm.actions().opened(row.getItem());
                open.accept(row.getItem().id());
            }
        });
        return row;
    }

    /**
     * A dialog over the desk window: centred on it, styled as it is, and never a reason for the window manager to
     * resize it (an unowned dialog opens in a corner of the screen).
     */
    private void ownedBy(javafx.scene.control.Dialog<?> dialog) {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            dialog.initOwner(root.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        }
    }

    private static String clipboardText() {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        return text != null && text.strip().startsWith("http") ? text.strip() : "";
    }

    private static final String ANY_SOURCE = "Any source";
    private static final String ANY_LANGUAGE = "Any language";

    /** Narrowing besides the words typed, and the desk's saved views. */
    private ToolBar narrowBar() {
        ComboBox<String> source = new ComboBox<>();
        source.setId("inbox-source");
        source.setPrefWidth(190);
        source.getItems().add(ANY_SOURCE);
        vm.sources().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = source.getValue();
            source.getItems().setAll(ANY_SOURCE);
            source.getItems().addAll(vm.sources());
            source.setValue(keep != null && source.getItems().contains(keep) ? keep : ANY_SOURCE);
        });
        source.setValue(ANY_SOURCE);
        ComboBox<String> language = new ComboBox<>();
        language.setId("inbox-language");
        language.getItems().add(ANY_LANGUAGE);
        vm.languages().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = language.getValue();
            language.getItems().setAll(ANY_LANGUAGE);
            language.getItems().addAll(vm.languages());
            language.setValue(keep != null && language.getItems().contains(keep) ? keep : ANY_LANGUAGE);
        });
        language.setValue(ANY_LANGUAGE);
        ComboBox<InboxFilter.Window> window = new ComboBox<>();
        window.setId("inbox-window");
        window.getItems().setAll(InboxFilter.Window.values());
        window.setValue(InboxFilter.Window.ANY);
        javafx.scene.control.CheckBox priorityOnly = new javafx.scene.control.CheckBox("Priority only");
        priorityOnly.setId("inbox-priority-only");
        Runnable push = () -> vm.narrowProperty().set(new InboxFilter(
                ANY_SOURCE.equals(source.getValue()) ? null : source.getValue(), priorityOnly.isSelected(),
                window.getValue(), ANY_LANGUAGE.equals(language.getValue()) ? null : language.getValue()));
        source.setOnAction(e -> push.run());
        language.setOnAction(e -> push.run());
        window.setOnAction(e -> push.run());
        priorityOnly.setOnAction(e -> push.run());
        vm.narrowProperty().addListener((obs, old, f) -> {
            source.setValue(f.source() == null ? ANY_SOURCE : f.source());
            language.setValue(f.language() == null ? ANY_LANGUAGE : f.language());
            window.setValue(f.window());
            priorityOnly.setSelected(f.priorityOnly());
        });
        ComboBox<SavedView> saved = new ComboBox<>(vm.savedViews());
        saved.setId("inbox-saved-views");
        saved.setPromptText("Saved views");
        saved.setPrefWidth(170);
        saved.setOnAction(e -> vm.apply(saved.getValue()));
        Button save = Controls.button("Save view", Icons.SAVE, "Keep this view (status, words, narrowing) for the desk",
                "inbox-save-view");
        save.setOnAction(e -> {
            javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
            ownedBy(dialog);
            dialog.setTitle("Save this view");
            dialog.setHeaderText("A name for this view, for everyone on the desk");
            dialog.getEditor().setId("inbox-view-name");
            dialog.showAndWait().ifPresent(vm::saveView);
        });
        javafx.scene.control.CheckBox group = new javafx.scene.control.CheckBox("Group same event");
        group.setId("inbox-group");
        group.setTooltip(new javafx.scene.control.Tooltip("One row per event; G shows or folds a group"));
        group.selectedProperty().bindBidirectional(vm.groupedProperty());
        return new ToolBar(source, language, window, priorityOnly, group, Controls.grow(), saved, save);
    }

    /** Text with the search's matching words in bold. */

    /** The inbox's keys; true when the key was one of them. */
    private boolean key(KeyCode code, boolean shortcut) {
        if (shortcut) {
            switch (code) {
                case Z -> vm.actions().undoSpike();
                case F -> search.requestFocus();
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (code) {
            case ENTER -> openSelected();
            case DELETE, S -> vm.actions().spike(selected());
            case U -> vm.actions().unspike(selected());
            case P -> vm.actions().togglePriority(selected());
            case R -> vm.actions().toggleRead(selected());
            case G -> vm.toggleGroup(table.getSelectionModel().getSelectedItem());
            case SLASH -> search.requestFocus();
            case ESCAPE -> search.clear();
            case F5 -> vm.reload();
            case F8 -> previewShown.set(!previewShown.get());
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The inbox's actions for the window's menu, each naming its key as an accelerator (shown aligned by the menu).
     * The keys without a modifier act from the table (its own handler takes them first); the window keeps them from
     * acting while one types in a field.
     */
    public List<javafx.scene.control.MenuItem> menuItems() {
        List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>(List.of(item("Open", key(KeyCode.ENTER), this::openSelected),
                item("Spike (or Delete)", key(KeyCode.S), () -> vm.actions().spike(selected())),
                item("Undo spike", shortcut(KeyCode.Z), vm.actions()::undoSpike),
                item("Unspike", key(KeyCode.U), () -> vm.actions().unspike(selected())),
                item("Flag priority", key(KeyCode.P), () -> vm.actions().togglePriority(selected())),
                item("Mark read / unread", key(KeyCode.R), () -> vm.actions().toggleRead(selected())),
                item("Show or fold the event's reports", key(KeyCode.G),
                        () -> vm.toggleGroup(table.getSelectionModel().getSelectedItem())),
                item("Search (or /)", shortcut(KeyCode.F), search::requestFocus),
                item("Clear search", key(KeyCode.ESCAPE), search::clear),
                item("Reload", key(KeyCode.F5), vm::reload)));
        if (preview != null) {
            javafx.scene.control.CheckMenuItem pane = new javafx.scene.control.CheckMenuItem("Preview pane");
            pane.setId("menu-inbox-preview");
            pane.setAccelerator(key(KeyCode.F8));
            pane.selectedProperty().bindBidirectional(previewShown);
            items.add(pane);
        }
        return items;
    }

    private static javafx.scene.input.KeyCombination key(KeyCode code) {
        return new javafx.scene.input.KeyCodeCombination(code);
    }

    private static javafx.scene.input.KeyCombination shortcut(KeyCode code) {
        return new javafx.scene.input.KeyCodeCombination(code, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
    }

    private static javafx.scene.control.MenuItem item(String text, javafx.scene.input.KeyCombination keys,
                                                      Runnable action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text);
        item.setId("menu-inbox-" + text.split("[ (]")[0].toLowerCase(java.util.Locale.ROOT));
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void openSelected() {
        StorySummary row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.actions().opened(row);
            open.accept(row.id());
        }
    }

    /** Raises a notification for an urgent story (ControlsFX). */
    private void notifyUrgent(StorySummary s) {
        if (s == null || root.getScene() == null || root.getScene().getWindow() == null) {
            return;
        }
        org.controlsfx.control.Notifications.create().owner(root.getScene().getWindow())
                .title("Urgent: " + s.sourceName()).text(s.agencyHeadline().text())
                .graphic(Icons.PRIORITY.node()).hideAfter(javafx.util.Duration.seconds(8))
                .onAction(e -> open.accept(s.id())).show();
    }

    private List<StorySummary> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }
}
