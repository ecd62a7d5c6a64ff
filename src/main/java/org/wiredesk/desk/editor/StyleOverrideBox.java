package org.wiredesk.desk.editor;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Icons;

/**
 * Where the copy editor says why a headline with a house-style error should run as it is: shown only while the
 * headline has an error, since submitting it then needs the reason. The desk chief reads it before approving.
 */
final class StyleOverrideBox {
    private StyleOverrideBox() {
    }

    static Node of(EditorViewModel vm) {
        Label title = new Label("This headline breaks house style. To submit it as it is, say why:",
                Icons.WARNING.node());
        title.getStyleClass().add("wd-override-title");
        title.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("editor-style-override");
        reason.setPromptText("Reason for overriding house style (shown to the desk chief, kept in the history)");
        reason.textProperty().bindBidirectional(vm.styleOverrideProperty());
        reason.editableProperty().bind(vm.editableProperty());
        VBox box = new VBox(4, title, reason);
        box.setId("editor-override-box");
        box.getStyleClass().add("wd-override-box");
        box.visibleProperty().bind(vm.styleErrorsBinding().and(vm.editableProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
