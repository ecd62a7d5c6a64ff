package org.wiredesk.desk.common;

import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the desk looks like for the member: a light or a dark theme (AtlantaFX's Primer for the controls, the desk's
 * own looked-up colours for the rest) and a text zoom, both kept in the member's preferences. The window's root and
 * every dialog it owns carry the theme's and the zoom's style classes.
 */
public final class DeskLook {
    /** The desk's stylesheet, for the window and for every dialog shown before or over it. */
    public static final String STYLESHEET = DeskLook.class.getResource("/org/wiredesk/desk/desk.css").toExternalForm();

    /** The text sizes the zoom steps through, in per cent; desk.css has a class for each. */
    public static final List<Integer> ZOOMS = List.of(80, 90, 100, 110, 125, 150, 175, 200);

    /** The two themes. */
    public enum Theme {
        LIGHT("Light", "/atlantafx/base/theme/primer-light.css"),
        DARK("Dark", "/atlantafx/base/theme/primer-dark.css");

        private final String label;
        private final String userAgentStylesheet;

        /**
         * AtlantaFX 2.1.0's classes are compiled for Java 21 (class file 65), so the desk, on Java 17, takes its
         * themes' stylesheets straight from the jar rather than through {@code new PrimerLight()}: the same file.
         */
        Theme(String label, String resource) {
            this.label = label;
            this.userAgentStylesheet = java.util.Objects.requireNonNull(DeskLook.class.getResource(resource),
                    resource).toExternalForm();
        }

        public String label() {
            return label;
        }
    }

    private final MemberPrefs prefs;
    /** Dresses the dialogs the window opens; removed when the window goes. */
    private ListChangeListener<Window> dialogs;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", 100);

    /** The member's look, as their preferences keep it (light, 100%, the first time). */
    public DeskLook(MemberPrefs prefs) {
        this.prefs = prefs;
        theme.set(prefs.get("look.theme").flatMap(DeskLook::theme).orElse(Theme.LIGHT));
        zoom.set(prefs.number("look.zoom").map(Double::intValue).filter(ZOOMS::contains).orElse(100));
        theme.addListener((obs, old, now) -> prefs.put("look.theme", now.name()));
        zoom.addListener((obs, old, now) -> prefs.put("look.zoom", now.intValue()));
    }

    private static java.util.Optional<Theme> theme(String name) {
        try {
            return java.util.Optional.of(Theme.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The text zoom in per cent, one of {@link #ZOOMS}. */
    public IntegerProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        int at = ZOOMS.indexOf(zoom.get());
        zoom.set(ZOOMS.get(Math.min(ZOOMS.size() - 1, at + 1)));
    }

    public void zoomOut() {
        int at = ZOOMS.indexOf(zoom.get());
        zoom.set(ZOOMS.get(Math.max(0, at - 1)));
    }

    public void actualSize() {
        zoom.set(100);
    }

    /**
     * Dresses the window's scene now and whenever the look changes, and every dialog the window owns as it opens.
     * The controls' theme is the application's (so dialogs, menus and tooltips follow it too).
     */
    public void dress(Stage window) {
        // the desk's own root: ControlsFX's validation decorations later wrap it in a DecorationPane that becomes the
        // scene's root, and the look must stay where the desk's screens are (else a dark window turns light under them)
        Parent own = window.getScene().getRoot();
        Runnable apply = () -> {
            Application.setUserAgentStylesheet(theme.get().userAgentStylesheet);
            dress(own, window.getScene()); // before it is shown it is not among the windows yet
            for (Window w : List.copyOf(Window.getWindows())) {
                if (ownedBy(w, window)) {
                    dress(w.getScene());
                }
            }
        };
        theme.addListener((obs, old, now) -> apply.run());
        zoom.addListener((obs, old, now) -> apply.run());
        dialogs = change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    if (added != window && !(added instanceof PopupWindow) && ownedBy(added, window)) {
                        dress(added.getScene());
                    }
                }
            }
        };
        Window.getWindows().addListener(dialogs);
        apply.run();
    }

    /**
     * The look's classes (theme and zoom) that a node is shown under, for a popup of its own to wear: taken from the
     * nearest ancestor that carries them, which need not be the scene's root.
     */
    public static List<String> classesAround(javafx.scene.Node node) {
        for (javafx.scene.Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("wd-dark") || at.getStyleClass().contains("wd-light")) {
                return at.getStyleClass().stream().filter(c -> c.equals("wd-dark") || c.equals("wd-light")
                        || c.startsWith("wd-zoom-")).toList();
            }
        }
        return List.of();
    }

    /** The window has gone: its dialogs need no dressing any more. */
    public void undress() {
        if (dialogs != null) {
            Window.getWindows().removeListener(dialogs);
            dialogs = null;
        }
    }

    private static boolean ownedBy(Window w, Stage window) {
        for (Window at = w; at != null; at = at instanceof Stage s ? s.getOwner() : null) {
            if (at == window) {
                return true;
            }
        }
        return false;
    }

    private void dress(Scene scene) {
        if (scene != null) {
            dress(scene.getRoot(), scene);
        }
    }

    private void dress(Parent root, Scene scene) {
        if (scene == null || root == null) {
            return;
        }
        root.getStyleClass().removeIf(c -> c.equals("wd-dark") || c.equals("wd-light") || c.startsWith("wd-zoom-"));
        root.getStyleClass().add(theme.get() == Theme.DARK ? "wd-dark" : "wd-light");
        if (zoom.get() != 100) {
            root.getStyleClass().add("wd-zoom-" + zoom.get());
        }
        // a dialog's root gets the root class, so the desk's .root colours reach it
        if (root == scene.getRoot() && !root.getStyleClass().contains("root")) {
            root.getStyleClass().add("root");
        }
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }
}
