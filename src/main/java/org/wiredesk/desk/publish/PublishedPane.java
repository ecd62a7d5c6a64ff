package org.wiredesk.desk.publish;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.story.StoryId;

/**
 * The Published view: every story the desk put on the site, newest first, with when it ran and when it last changed.
 * A killed story stays, greyed and struck through, and offers nothing more. A story its source withdrew is marked,
 * with a one-click kill (the reason filled in) on the mark and in the context menu.
 */
final class PublishedPane {
    private final PublishViewModel vm;
    private final DeskClock clock;
    private final TableView<PublishedStory> table = new TableView<>();
    private final VBox root;

    private final PostActions actions;

    PublishedPane(PublishViewModel vm, DeskClock clock, PostActions actions) {
        this.vm = vm;
        this.clock = clock;
        this.actions = actions;
        table();
        ObjectBinding<PostActions.Chosen> chosen = Bindings.createObjectBinding(() -> {
            PublishedStory story = table.getSelectionModel().getSelectedItem();
            return story == null || story.killed() ? null : new PostActions.Chosen(story.id(), story.headline());
        }, table.getSelectionModel().selectedItemProperty(), vm.published());
        table.setContextMenu(actions.menu(chosen, "published"));
        ObjectBinding<org.wiredesk.story.SourceWithdrawal> withdrawn = Bindings.createObjectBinding(() -> {
            PublishedStory story = table.getSelectionModel().getSelectedItem();
            return story == null || story.killed() ? null : story.withdrawn();
        }, table.getSelectionModel().selectedItemProperty(), vm.published());
        table.getContextMenu().getItems().add(actions.killWithdrawnItem(chosen, withdrawn, "published"));
        HBox top = new HBox(8, Controls.caption("Published — newest first"), Controls.grow());
        top.getChildren().addAll(actions.buttons(chosen, "published"));
        top.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(6, top, table);
        root.setPadding(new Insets(8, 12, 8, 12));
    }

    Node node() {
        return root;
    }

    /** Relative times move on with the clock. */
    void refresh() {
        table.refresh();
    }

    private void table() {
        table.setId("publish-published");
        table.setItems(vm.published());
        keepSelectionOverReloads();
        table.setPlaceholder(new Label("Nothing published yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PublishedStory, PublishedStory> headline = new TableColumn<>("Headline");
        headline.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        headline.setCellFactory(c -> new HeadlineCell(actions));
        headline.setPrefWidth(330);
        TableColumn<PublishedStory, String> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        state.setPrefWidth(80);
        table.getColumns().add(headline);
        table.getColumns().add(state);
        table.getColumns().add(time("Published", PublishedStory::publishedAt));
        table.getColumns().add(time("Updated", PublishedStory::updatedAt));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PublishedStory story, boolean empty) {
                super.updateItem(story, empty);
                getStyleClass().removeAll("wd-status-killed", "wd-source-withdrawn");
                if (!empty && story != null && story.killed()) {
                    getStyleClass().add("wd-status-killed");
                } else if (!empty && story != null && story.withdrawn() != null) {
                    getStyleClass().add("wd-source-withdrawn");
                }
            }
        });
    }

    /** A reload replaces every row; the story that was chosen (just corrected, say) stays chosen. */
    private void keepSelectionOverReloads() {
        StoryId[] chosen = new StoryId[1];
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chosen[0] = now.id();
            }
        });
        vm.published().addListener((javafx.collections.ListChangeListener<PublishedStory>) change -> {
            if (table.getSelectionModel().getSelectedItem() == null && chosen[0] != null) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i).id().equals(chosen[0])) {
                        table.getSelectionModel().select(i);
                        return;
                    }
                }
            }
        });
    }

    private TableColumn<PublishedStory, Instant> time(String title,
                                                      java.util.function.Function<PublishedStory, Instant> when) {
        TableColumn<PublishedStory, Instant> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(when.apply(c.getValue())));
        column.setCellFactory(c -> Relative.cell(clock, "—"));
        column.setPrefWidth(105);
        return column;
    }
}
