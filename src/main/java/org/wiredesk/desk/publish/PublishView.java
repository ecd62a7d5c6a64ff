package org.wiredesk.desk.publish;

import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.publish.PageRenderer.RecentPost;
import org.wiredesk.story.StorySummary;

/** The publish screen: approved stories to run, and the site's recent posts with relative times. */
public final class PublishView {
    private final PublishViewModel vm;
    private final DeskClock clock;
    private final Consumer<String> openPage;
    private final BorderPane root = new BorderPane();
    private final ListView<RecentPost> recent = new ListView<>();
    private final ChangeListener<Instant> onTick = (obs, old, now) -> recent.refresh();

    public PublishView(PublishViewModel vm, DeskClock clock, Consumer<String> openPage) {
        this.vm = vm;
        this.clock = clock;
        this.openPage = openPage;
        root.getStyleClass().add("wd-publish");
        SplitPane split = new SplitPane(approved(), recentPosts());
        split.setDividerPositions(0.5);
        root.setCenter(split);
        Label site = new Label("Site folder: " + vm.site(), Icons.FOLDER.node());
        Button openSite = Controls.button("Open site", Icons.OPEN, "Open the site's index in the browser",
                "publish-open-site");
        openSite.setOnAction(e -> openPage.accept(vm.site().resolve("index.html").toUri().toString()));
        root.setBottom(new ToolBar(site, openSite));
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

    private Node approved() {
        TableView<StorySummary> table = new TableView<>(vm.approved());
        table.setId("publish-table");
        table.setPlaceholder(new Label("No approved stories waiting."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StorySummary, String> headline = new TableColumn<>("Approved — house headline");
        headline.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().runningHeadline().text()));
        headline.setPrefWidth(420);
        TableColumn<StorySummary, String> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceName()));
        source.setPrefWidth(140);
        table.getColumns().add(headline);
        table.getColumns().add(source);
        Button publish = Controls.button("Publish", Icons.PUBLISH, "Publish the selected story", "publish-one");
        publish.getStyleClass().add("wd-primary");
        publish.setOnAction(e -> vm.publish(table.getSelectionModel().getSelectedItem()));
        publish.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button all = Controls.button("Publish all", Icons.PUBLISH, "Publish every approved story", "publish-all");
        all.setOnAction(e -> vm.publishAll());
        all.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.approved()));
        if (!vm.mayPublish()) {
            publish.disableProperty().unbind();
            publish.setDisable(true);
            all.disableProperty().unbind();
            all.setDisable(true);
        }
        Label message = Controls.message(vm.messageProperty());
        message.setId("publish-message");
        message.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(new ToolBar(publish, all), message, table);
    }

    private Node recentPosts() {
        recent.setId("publish-recent");
        recent.setItems(vm.recent());
        recent.setPlaceholder(new Label("Nothing published yet."));
        recent.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RecentPost post, boolean empty) {
                super.updateItem(post, empty);
                if (empty || post == null) {
                    setGraphic(null);
                    setText(null);
                    setTooltip(null);
                    return;
                }
                Label headline = new Label(post.headline());
                headline.getStyleClass().add("wd-recent-headline");
                headline.setWrapText(true);
                Label teaser = new Label(post.teaser());
                teaser.getStyleClass().add("wd-recent-teaser");
                teaser.setWrapText(true);
                Label when = new Label(Relative.text(post.at(), clock));
                when.getStyleClass().add("wd-recent-time");
                VBox cell = new VBox(2, headline, teaser, when);
                cell.setPrefWidth(0);
                setGraphic(cell);
                setText(null);
                setTooltip(Relative.exact(post.at()));
            }
        });
        recent.setOnMouseClicked(e -> {
            RecentPost post = recent.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && post != null) {
                openPage.accept(vm.site().resolve(post.href()).toUri().toString());
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        VBox box = new VBox(6, Controls.caption("Recent Posts"), recent);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }
}
