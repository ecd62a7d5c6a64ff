package org.wiredesk.desk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.util.Duration;
import org.wiredesk.desk.common.FxDebouncer;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.desk.editor.EditorView;
import org.wiredesk.desk.editor.EditorViewModel;
import org.wiredesk.desk.original.SourcePageView;
import org.wiredesk.story.StoryId;

/**
 * The window's story tabs: one editor per open story, brought forward when opened again, and, when one closes, the
 * screen it was opened from brought back (the inbox, mostly), not the tab pane's neighbour.
 */
final class StoryTabs {
    /**
     * Typing pauses this long before the headline is kept (issue 12 point 9: a crash loses at most the last 150 ms;
     * Derby takes the small row update in a few milliseconds, and writes never cross: see EditorViewModel)...
     */
    static final int AUTOSAVE_QUIET_MS = 80;
    /** ...and however long the typing goes on, what is typed is kept at most this long after a change. */
    static final int AUTOSAVE_MAX_WAIT_MS = 120;

    /** Where a screen's messages go (the status bar's notices). */
    interface Messages {
        void follow(String where, ObservableValue<String> message, ObservableValue<Boolean> problem);
    }

    private final MainWindow.Services s;
    private final TabPane tabs;
    private final Messages messages;
    private final Map<StoryId, Tab> editors = new HashMap<>();
    private final Map<StoryId, EditorViewModel> open = new HashMap<>();
    /** The screen each story tab was opened from. */
    private final Map<Tab, Tab> cameFrom = new HashMap<>();

    StoryTabs(MainWindow.Services services, TabPane tabs, Messages messages) {
        this.s = services;
        this.tabs = tabs;
        this.messages = messages;
    }

    /** Opens (or brings forward) the headline editor for a story. */
    void open(StoryId id) {
        Tab existing = editors.get(id);
        if (existing != null) {
            tabs.getSelectionModel().select(existing);
            return;
        }
        EditorViewModel vm = new EditorViewModel(id, s.desk(), s.user(), s.runner(), s.changes(), s.style(),
                new FxDebouncer(Duration.millis(AUTOSAVE_QUIET_MS), Duration.millis(AUTOSAVE_MAX_WAIT_MS)));
        messages.follow("Story " + id, vm.messageProperty(), vm.problemProperty());
        EditorView view = new EditorView(vm, s.clock());
        view.offerSourcePage(() -> SourcePageView.open(tabs, id, s.stories().originals(),
                new org.wiredesk.workflow.BlockChoices(s.stories(), s.desk(), s.time()), s.user(), s.runner(),
                vm::refresh));
        Tab tab = new Tab("Story " + id, view.node());
        tab.setGraphic(Icons.EDIT.node());
        tab.setId("tab-editor-" + id);
        vm.agencyHeadlineProperty().addListener((obs, old, text) -> tab.setText(shorten(text)));
        Tab origin = tabs.getSelectionModel().getSelectedItem();
        if (origin != null) {
            cameFrom.put(tab, origin);
        }
        tab.setOnCloseRequest(e -> goBackFrom(tab)); // before the tab pane picks its neighbour (the Settings screen)
        tab.setOnClosed(e -> {
            cameFrom.remove(tab);
            editors.remove(id);
            open.remove(id);
            vm.close();
        });
        open.put(id, vm);
        editors.put(id, tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        vm.load();
    }

    /** Closes the closable tab in front, if one is, as its close button does. */
    void closeInFront() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected.isClosable()) {
            goBackFrom(selected);
            tabs.getTabs().remove(selected);
            if (selected.getOnClosed() != null) {
                selected.getOnClosed().handle(new javafx.event.Event(Tab.CLOSED_EVENT));
            }
        }
    }

    /** Closes every editor at once, releasing its claim now rather than in the background (a clean exit). */
    void closeAllNow() {
        List.copyOf(open.values()).forEach(EditorViewModel::closeNow);
        open.clear();
    }

    /**
     * A story tab in front is closing: the screen it was opened from comes forward, or the inbox when that one is
     * gone too.
     */
    private void goBackFrom(Tab closing) {
        if (!closing.isSelected()) {
            return;
        }
        Tab origin = cameFrom.get(closing);
        tabs.getSelectionModel().select(origin != null && tabs.getTabs().contains(origin) ? origin
                : tabs.getTabs().get(0));
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 32 ? text : text.substring(0, 31) + "…";
    }
}
