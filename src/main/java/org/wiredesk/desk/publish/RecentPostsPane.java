package org.wiredesk.desk.publish;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.DeskClock;
import org.wiredesk.desk.common.Relative;
import org.wiredesk.publish.PageRenderer.RecentPost;

/** The site's "Recent Posts" as its pages list them, with relative times; a double click opens the page. */
final class RecentPostsPane {
    private final PublishViewModel vm;
    private final DeskClock clock;
    private final ListView<RecentPost> recent = new ListView<>();
    private final VBox root;

    RecentPostsPane(PublishViewModel vm, DeskClock clock, PostActions actions, Consumer<String> openPage) {
        this.vm = vm;
        this.clock = clock;
        list(openPage);
        ObjectBinding<PostActions.Chosen> chosen = Bindings.createObjectBinding(() -> {
            RecentPost post = recent.getSelectionModel().getSelectedItem();
            return post == null ? null
                    : vm.storyOf(post).map(id -> new PostActions.Chosen(id, post.headline())).orElse(null);
        }, recent.getSelectionModel().selectedItemProperty());
        recent.setContextMenu(actions.menu(chosen, "recent"));
        HBox top = new HBox(8, Controls.caption("Recent Posts"), Controls.grow());
        top.getChildren().addAll(actions.buttons(chosen, "recent"));
        top.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(recent, Priority.ALWAYS);
        root = new VBox(6, top, recent);
        root.setPadding(new Insets(8, 12, 12, 12));
    }

    Node node() {
        return root;
    }

    /** Relative times move on with the clock. */
    void refresh() {
        recent.refresh();
    }

    private void list(Consumer<String> openPage) {
        recent.setId("publish-recent");
        recent.setItems(vm.recent());
        recent.setPlaceholder(new Label("Nothing published yet."));
        recent.setCellFactory(list -> new PostCell());
        recent.setOnMouseClicked(e -> {
            RecentPost post = recent.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && post != null) {
                openPage.accept(vm.site().resolve(post.href()).toUri().toString());
            }
        });
    }

    /** A post as the site lists it: headline, teaser, and how long ago it ran (the exact time on hover). */
    private final class PostCell extends ListCell<RecentPost> {
        @Override
        protected void updateItem(RecentPost post, boolean empty) {
            super.updateItem(post, empty);
            setText(null);
            if (empty || post == null) {
                setGraphic(null);
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
            setTooltip(Relative.exact(post.at()));
        }
    }
}
