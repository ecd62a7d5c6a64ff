package org.wiredesk.desk.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.IndexRange;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A story body shown as text that can be read, selected and copied, and never changed: not editable (so no
 * caret and no input method), its text bound to the stored body (so no code path can set it), and every
 * editing entry point of the control (typing, paste, cut, delete, drop) refused; undo has nothing to undo
 * because no edit is ever recorded.
 */
public final class LockedBodyArea extends TextArea {
    public LockedBodyArea(ObservableValue<String> body) {
        getStyleClass().add("wd-locked-body");
        setWrapText(true);
        editableProperty().bind(new ReadOnlyBooleanWrapper(false));
        textProperty().bind(Bindings.createStringBinding(() -> body.getValue() == null ? "" : body.getValue(), body));
        setOnInputMethodTextChanged(e -> e.consume());
        addEventFilter(KeyEvent.KEY_TYPED, KeyEvent::consume);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (isEditingKey(e)) {
                e.consume();
            }
        });
        addEventFilter(DragEvent.ANY, DragEvent::consume);
        setAccessibleHelp("The story body is locked: no change to the content.");
    }

    private static boolean isEditingKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE || code == KeyCode.ENTER || code == KeyCode.TAB
                || code == KeyCode.PASTE || code == KeyCode.CUT || code == KeyCode.UNDO || code == KeyCode.AGAIN) {
            return true;
        }
        boolean shortcut = e.isShortcutDown() || e.isControlDown() || e.isMetaDown();
        return shortcut && (code == KeyCode.V || code == KeyCode.X || code == KeyCode.Z || code == KeyCode.Y)
                || e.isShiftDown() && code == KeyCode.INSERT;
    }

    @Override
    public void replaceText(int start, int end, String text) {
        // locked: no change to the content
    }

    @Override
    public void replaceText(IndexRange range, String text) {
        // locked: no change to the content
    }

    @Override
    public void replaceSelection(String replacement) {
        // locked: no change to the content
    }

    @Override
    public void deleteText(int start, int end) {
        // locked: no change to the content
    }

    @Override
    public void deleteText(IndexRange range) {
        // locked: no change to the content
    }

    @Override
    public boolean deletePreviousChar() {
        return false;
    }

    @Override
    public boolean deleteNextChar() {
        return false;
    }

    @Override
    public void cut() {
        copy();
    }

    @Override
    public void paste() {
        // locked: no change to the content
    }
}
