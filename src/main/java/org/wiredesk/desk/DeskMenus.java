package org.wiredesk.desk;

import java.util.List;
import java.util.Set;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.wiredesk.desk.inbox.InboxView;

/**
 * The window's menus: File (Quit), Inbox (the inbox's actions), Go (a key for every screen) and View (theme and text
 * size). Every item names its keys as an accelerator, which the menu shows aligned on the right; the mnemonics
 * (Alt+F, Alt+I, Alt+G, Alt+V) open the menus from the keyboard.
 */
final class DeskMenus {
    /** The plain keys (no modifier) the Inbox menu names: they act from the inbox's table, never from a text field. */
    private static final Set<KeyCode> PLAIN_KEYS = Set.of(KeyCode.ENTER, KeyCode.S, KeyCode.U, KeyCode.P, KeyCode.R,
            KeyCode.G, KeyCode.ESCAPE, KeyCode.DELETE, KeyCode.SLASH);

    /** The screens in the Go menu, in the tabs' order, with their keys Ctrl+1 … Ctrl+6. */
    private static final List<String[]> SCREENS = List.of(new String[] {"_Inbox", "tab-inbox"},
            new String[] {"_Approval", "tab-approval"}, new String[] {"_Publish", "tab-publish"},
            new String[] {"_Sources", "tab-sources"}, new String[] {"_Quarantine", "tab-quarantine"},
            new String[] {"Se_ttings", "tab-settings"});

    /** Ctrl and the "+" character, wherever the keyboard has it. */
    private static final KeyCombination ZOOM_IN = new javafx.scene.input.KeyCharacterCombination("+",
            KeyCombination.SHORTCUT_DOWN);

    private final MainWindow window;
    private final InboxView inbox;
    private final List<Menu> extra;

    DeskMenus(MainWindow window, InboxView inbox, Menu... extra) {
        this.window = window;
        this.inbox = inbox;
        this.extra = List.of(extra);
    }

    MenuBar bar() {
        MenuBar bar = new MenuBar(file(), inboxMenu(), go());
        bar.getMenus().addAll(extra);
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        MenuItem quit = item("_Quit", "menu-quit", shortcut(KeyCode.Q), e -> window.quit());
        Menu file = new Menu("_File", null, quit);
        file.setId("menu-file");
        return file;
    }

    /**
     * The inbox's own actions. They act on the inbox's selection, so only while the inbox is in front (a key pressed
     * on another screen does nothing to rows one cannot see); Search brings the inbox forward first.
     */
    private Menu inboxMenu() {
        Menu menu = new Menu("_Inbox");
        menu.setId("menu-inbox");
        for (MenuItem item : inbox.menuItems()) {
            EventHandler<ActionEvent> action = item.getOnAction();
            boolean bringsForward = "menu-inbox-search".equals(item.getId());
            item.setOnAction(e -> {
                if (bringsForward) {
                    window.select("tab-inbox");
                }
                if (window.inboxShowing()) {
                    action.handle(e);
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu go() {
        Menu go = new Menu("_Go");
        go.setId("menu-go");
        int n = 1;
        for (String[] screen : SCREENS) {
            go.getItems().add(item(screen[0], "menu-go-" + screen[1].substring(4),
                    shortcut(KeyCode.valueOf("DIGIT" + n++)), e -> window.select(screen[1])));
        }
        go.getItems().addAll(new SeparatorMenuItem(),
                item("_Close story tab", "menu-close-tab", shortcut(KeyCode.W), e -> window.closeStoryTab()));
        return go;
    }

    /** Theme and text size, kept per member. */
    static Menu view(org.wiredesk.desk.common.DeskLook look) {
        javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
        Menu view = new Menu("_View");
        view.setId("menu-view");
        for (var theme : org.wiredesk.desk.common.DeskLook.Theme.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    "_" + theme.label() + " theme");
            item.setId("menu-theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(themes);
            item.setAccelerator(new KeyCodeCombination(theme == org.wiredesk.desk.common.DeskLook.Theme.DARK
                    ? KeyCode.D : KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
            item.setSelected(look.themeProperty().get() == theme);
            item.setOnAction(e -> look.themeProperty().set(theme));
            look.themeProperty().addListener((obs, old, now) -> item.setSelected(now == theme));
            view.getItems().add(item);
        }
        view.getItems().addAll(new SeparatorMenuItem(),
                item("Zoom _in", "menu-zoom-in", ZOOM_IN, e -> look.zoomIn()),
                item("Zoom _out", "menu-zoom-out", shortcut(KeyCode.MINUS), e -> look.zoomOut()),
                item("_Actual size", "menu-zoom-reset", shortcut(KeyCode.DIGIT0), e -> look.actualSize()));
        return view;
    }

    /**
     * The zoom's other keys: Ctrl with the key that carries "+" (with or without Shift, as keyboards differ), and
     * the number pad's plus, minus and 0.
     */
    static void zoomKeys(Scene scene, org.wiredesk.desk.common.DeskLook look) {
        for (KeyCode in : List.of(KeyCode.EQUALS, KeyCode.PLUS, KeyCode.ADD)) {
            // where the menu's Ctrl+"+" already answers a key, a second accelerator would zoom twice per press
            if (!ZOOM_IN.match(press(in, false)) && !ZOOM_IN.match(press(in, true))) {
                scene.getAccelerators().put(new KeyCodeCombination(in, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_ANY), look::zoomIn);
            }
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN),
                look::zoomOut);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN),
                look::actualSize);
    }

    /** A press of this key with the shortcut modifier (and Shift, or not), to ask a combination whether it matches. */
    private static KeyEvent press(KeyCode code, boolean shift) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, !mac, false, mac);
    }

    static MenuItem item(String text, String id, KeyCombination keys, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        item.setId(id);
        item.setAccelerator(keys);
        item.setOnAction(action);
        return item;
    }

    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /**
     * The Inbox menu names plain keys (S spikes, Enter opens): the inbox's table acts on them itself, and anywhere
     * else in the window they must stay what they are (a letter typed in a field, Enter in a dialog's field). So a
     * plain key nobody took is kept from the window's accelerators. Handlers on the scene run before them.
     */
    static void guardPlainKeys(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (PLAIN_KEYS.contains(e.getCode()) && !e.isShortcutDown() && !e.isAltDown() && !e.isControlDown()
                    && !e.isMetaDown()) {
                e.consume();
            }
        });
    }
}
