package org.wiredesk.desk;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.wiredesk.desk.common.MemberPrefs;

/**
 * Where the desk window opens and what it remembers of itself, per member: its size and place (on a screen that is
 * still there), whether it was maximised, and the widths of the tables' columns. A first start opens at 85% of the
 * screen, centred.
 */
final class WindowPlacement {
    /** The share of the screen a first start takes. */
    static final double FIRST_SHARE = 0.85;
    /** Smaller than this, a window is a mistake of the last session (or of a window manager), not a choice. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;

    private final MemberPrefs prefs;
    /** The window's bounds when it was last neither maximised nor minimised: what a restart brings back. */
    private Rectangle2D normal;
    private final List<TableView<?>> tables = new ArrayList<>();

    WindowPlacement(MemberPrefs prefs) {
        this.prefs = prefs;
    }

    /** The bounds to open at: the remembered ones when they still fit on one of the screens, else 85% centred. */
    static Rectangle2D opening(MemberPrefs prefs, List<Rectangle2D> screens, Rectangle2D primary) {
        var x = prefs.number("window.x");
        var y = prefs.number("window.y");
        var w = prefs.number("window.width");
        var h = prefs.number("window.height");
        if (x.isPresent() && y.isPresent() && w.isPresent() && h.isPresent()
                && w.get() >= MIN_WIDTH && h.get() >= MIN_HEIGHT) {
            Rectangle2D saved = new Rectangle2D(x.get(), y.get(), w.get(), h.get());
            for (Rectangle2D screen : screens) {
                // its title bar must be on a screen to be grabbed again: a screen unplugged since does not count
                if (screen.contains(saved.getMinX() + Math.min(40, saved.getWidth() / 2), saved.getMinY() + 10)) {
                    return new Rectangle2D(saved.getMinX(), saved.getMinY(), Math.min(saved.getWidth(),
                            screen.getWidth()), Math.min(saved.getHeight(), screen.getHeight()));
                }
            }
        }
        double width = Math.min(primary.getWidth(), Math.max(MIN_WIDTH, primary.getWidth() * FIRST_SHARE));
        double height = Math.min(primary.getHeight(), Math.max(MIN_HEIGHT, primary.getHeight() * FIRST_SHARE));
        return new Rectangle2D(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height);
    }

    /** Places the stage before it is shown, and follows it from then on. */
    void place(Stage stage) {
        Rectangle2D bounds = opening(prefs, Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        normal = bounds;
        stage.setMaximized(prefs.flag("window.maximized"));
        Runnable follow = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen() && stage.isShowing()
                    && stage.getWidth() >= MIN_WIDTH && stage.getHeight() >= MIN_HEIGHT) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener((obs, old, now) -> follow.run());
        stage.yProperty().addListener((obs, old, now) -> follow.run());
        stage.widthProperty().addListener((obs, old, now) -> follow.run());
        stage.heightProperty().addListener((obs, old, now) -> follow.run());
    }

    /** Puts back the remembered widths of a table's columns, and remembers them from now on. */
    void columns(TableView<?> table) {
        if (table.getId() == null) {
            return;
        }
        tables.add(table);
        for (TableColumn<?, ?> column : table.getColumns()) {
            prefs.number(key(table, column)).filter(w -> w >= 16).ifPresent(column::setPrefWidth);
        }
    }

    /** Every table under these screens that has an id. */
    void columnsUnder(Node screen) {
        for (Node node : screen.lookupAll(".table-view")) {
            if (node instanceof TableView<?> table) {
                columns(table);
            }
        }
    }

    /** Keeps what the window looks like now, for the member's next start. */
    void remember(Stage stage) {
        if (normal != null) {
            prefs.put("window.x", normal.getMinX());
            prefs.put("window.y", normal.getMinY());
            prefs.put("window.width", normal.getWidth());
            prefs.put("window.height", normal.getHeight());
        }
        prefs.put("window.maximized", stage.isMaximized());
        for (TableView<?> table : tables) {
            for (TableColumn<?, ?> column : table.getColumns()) {
                // a column hidden while empty (urgency, embargo, match) has no width worth keeping
                if (column.isVisible() && column.getWidth() > 0) {
                    prefs.put(key(table, column), column.getWidth());
                }
            }
        }
    }

    private static String key(TableView<?> table, TableColumn<?, ?> column) {
        return "column." + table.getId() + "." + column.getText().replaceAll("[^A-Za-z0-9!.]", "_");
    }
}
