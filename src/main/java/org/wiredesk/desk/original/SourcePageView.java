package org.wiredesk.desk.original;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Banner;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.LockedBodyArea;
import org.wiredesk.desk.common.TaskRunner;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.User;
import org.wiredesk.store.SourceArchiveRepository;
import org.wiredesk.workflow.BlockChoices;

/**
 * The "Source page" tab: the archived original of a story, shown as text only (its blocks, and its decoded text with
 * the markup as text), so nothing in it runs and nothing is fetched; above them its SHA-256, address, fetch time,
 * content type and charset, which can be selected and copied. Each block has a check box, ticked when the body holds
 * it; a copy editor who may choose ticks the blocks that form the article and clicks "Use these blocks" (ADR 32).
 */
public final class SourcePageView {
    private final SourcePageViewModel vm;
    private final BorderPane root = new BorderPane();

    public SourcePageView(SourcePageViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("wd-source-page");
        root.setTop(header());
        root.setCenter(body());
    }

    public Node node() {
        return root;
    }

    /**
     * Opens the source page of a story in the window's tabs, or brings it forward when it is open: the editor's hook
     * (its "Source page" button).
     */
    public static void open(TabPane tabs, StoryId id, SourceArchiveRepository archive, TaskRunner runner) {
        open(tabs, id, archive, null, null, runner, () -> { });
    }

    /**
     * Opens it with the choice of blocks, as {@code user}; {@code onChosen} is told when a choice made the body (the
     * editor shows it then).
     */
    public static void open(TabPane tabs, StoryId id, SourceArchiveRepository archive, BlockChoices choices,
                            User user, TaskRunner runner, Runnable onChosen) {
        String tabId = "tab-source-" + id;
        for (Tab t : tabs.getTabs()) {
            if (tabId.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        SourcePageViewModel vm = new SourcePageViewModel(id, archive, choices, user, runner, onChosen);
        Tab tab = new Tab("Source of story " + id, new SourcePageView(vm).node());
        tab.setId(tabId);
        tab.setGraphic(Icons.SOURCE.node());
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        vm.load();
    }

    private Node header() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        row(grid, 0, "SHA-256", vm.sha256Property(), "source-sha256");
        row(grid, 1, "Address", vm.addressProperty(), "source-address");
        row(grid, 2, "Fetched", vm.fetchedProperty(), "source-fetched");
        row(grid, 3, "As received", vm.receivedProperty(), "source-received");
        row(grid, 4, "Body made by", vm.derivedByProperty(), "source-derived-by");
        grid.visibleProperty().bind(vm.archivedProperty());
        grid.managedProperty().bind(vm.archivedProperty());
        Label message = Banner.of(vm.messageProperty(), Banner.Kind.WARNING, "source-message");
        VBox box = new VBox(6, message, grid);
        box.setPadding(new Insets(8, 12, 6, 12));
        return box;
    }

    /** A caption and a value that can be selected and copied, never edited. */
    private static void row(GridPane grid, int at, String caption, ObservableValue<String> value, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("wd-source-field");
        field.textProperty().bind(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(caption);
        label.getStyleClass().add("wd-caption");
        grid.addRow(at, label, field);
    }

    private Node body() {
        ListView<String> blocks = new ListView<>(vm.blocks());
        blocks.setId("source-blocks");
        blocks.setCellFactory(list -> new BlockCell());
        LockedBodyArea text = new LockedBodyArea(vm.textProperty());
        text.setId("source-text");
        VBox.setVgrow(blocks, Priority.ALWAYS);
        Tab blockTab = new Tab("Blocks", new VBox(blocks, choiceBar()));
        blockTab.setClosable(false);
        Tab textTab = new Tab("Decoded text", text);
        textTab.setClosable(false);
        TabPane pane = new TabPane(blockTab, textTab);
        pane.visibleProperty().bind(vm.archivedProperty());
        return pane;
    }

    /** Under the blocks: how many are in the body and who chose them, and "Use these blocks". */
    private Node choiceBar() {
        Label note = new Label();
        note.setId("source-choice-note");
        note.textProperty().bind(vm.choiceNoteProperty());
        note.setWrapText(true);
        Button use = new Button("Use these blocks");
        use.setId("source-use-blocks");
        use.setGraphic(Icons.SOURCE.node());
        use.disableProperty().bind(vm.mayChooseProperty().not().or(vm.changedProperty().not()));
        use.setOnAction(e -> vm.useTicked());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, note, gap, use);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("wd-source-choice");
        return bar;
    }

    /** A block: its check box (ticked when in the body, editable by a member who may choose) and its text. */
    private final class BlockCell extends ListCell<String> {
        private final CheckBox tick = new CheckBox();
        private javafx.beans.property.BooleanProperty bound;

        BlockCell() {
            tick.getStyleClass().add("wd-block-tick");
            tick.disableProperty().bind(vm.mayChooseProperty().not());
            setWrapText(true);
            setPrefWidth(0); // wrap to the list's width, not the text's
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                tick.selectedProperty().unbindBidirectional(bound);
                bound = null;
            }
            setText(empty ? null : item);
            if (empty || getIndex() >= vm.tickCount()) {
                setGraphic(null);
                return;
            }
            bound = vm.tickedProperty(getIndex());
            tick.selectedProperty().bindBidirectional(bound);
            tick.setId("source-block-" + getIndex());
            setGraphic(tick);
        }
    }
}
