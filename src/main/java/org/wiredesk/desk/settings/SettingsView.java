package org.wiredesk.desk.settings;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.wiredesk.desk.common.Banner;
import org.wiredesk.desk.common.Controls;
import org.wiredesk.desk.common.Icons;
import org.wiredesk.publish.DeskSettings;

/**
 * The Settings screen: the outlet's name, the section's, the disclaimer with a preview of it as printed, and the
 * site's base URL. Editable by the owner and desk chiefs; read-only, with a note saying why, for everyone else.
 */
public final class SettingsView {
    private final SettingsViewModel vm;
    private final ScrollPane root = new ScrollPane();

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
        VBox page = new VBox(18, heading(), readOnlyNote(), form(), actions());
        page.getStyleClass().add("wd-settings-page");
        page.setMaxWidth(860);
        root.setContent(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("wd-settings");
        root.getStylesheets().add(SettingsView.class.getResource("settings.css").toExternalForm());
    }

    public Node node() {
        return root;
    }

    public void activate() {
        vm.activate();
    }

    public void deactivate() {
        vm.deactivate();
    }

    /** Whether the screen is in front (its tab selected): behind another, it reloads only when it shows again. */
    public void showing(boolean now) {
        vm.showing(now);
    }

    private Node heading() {
        Label title = new Label("Desk settings");
        title.getStyleClass().add("wd-settings-title");
        Label lead = new Label("What every page of the site prints: the outlet, its section and the disclaimer "
                + "under each story. Kept in the store, so every workstation on this desk uses the same.");
        lead.getStyleClass().add("wd-settings-lead");
        lead.setWrapText(true);
        return new VBox(4, title, lead);
    }

    private Node readOnlyNote() {
        Label note = Banner.of(new javafx.beans.property.ReadOnlyStringWrapper(vm.mayChange() ? ""
                : vm.readOnlyNote()), Banner.Kind.BLOCKED, "settings-read-only");
        note.setGraphic(Icons.LOCK.node());
        return note;
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wd-settings-form");
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        row = field(grid, row, "Outlet", text(vm.outlet(), DeskSettings.OUTLET, "settings-outlet",
                        DeskSettings.DEFAULT_OUTLET),
                "The outlet's name as pages print it, and as the disclaimer names it.");
        row = field(grid, row, "Section", text(vm.section(), DeskSettings.SECTION, "settings-section",
                        DeskSettings.DEFAULT_SECTION),
                "Printed after the outlet's name over every page.");
        row = field(grid, row, "Disclaimer", disclaimer(), "Printed under every story. Write "
                + DeskSettings.OUTLET_PLACEHOLDER + " where the outlet's name goes: it follows the name above.");
        row = field(grid, row, "As printed", preview(), null);
        field(grid, row, "Site address", text(vm.baseUrl(), DeskSettings.BASE_URL, "settings-base-url",
                        vm.mayChange() ? "https://www.example.org/wire" : "(not set)"),
                "The site's http or https address: feeds and the sitemap link to pages under it.");
        return grid;
    }

    /** A labelled input with its hint below it; returns the next free row. */
    private static int field(GridPane grid, int row, String name, Node input, String hint) {
        Label label = new Label(name);
        label.getStyleClass().add("wd-settings-label");
        label.setLabelFor(input);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        grid.add(label, 0, row);
        grid.add(input, 1, row);
        if (hint == null) {
            return row + 1;
        }
        Label help = new Label(hint);
        help.getStyleClass().add("wd-settings-hint");
        help.setWrapText(true);
        grid.add(help, 1, row + 1);
        return row + 2;
    }

    private TextField text(javafx.beans.property.StringProperty value, String key, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        bind(field, value);
        markWhenRefused(field, key);
        return field;
    }

    /** The field whose value the last save refused is framed in the danger colour until it is edited. */
    private void markWhenRefused(TextInputControl input, String key) {
        vm.refusedProperty().addListener((obs, old, now) -> {
            input.getStyleClass().remove("wd-refused");
            if (key.equals(now)) {
                input.getStyleClass().add("wd-refused");
            }
        });
    }

    private Node disclaimer() {
        TextArea area = new TextArea();
        area.setId("settings-disclaimer");
        area.setWrapText(true);
        area.setPrefRowCount(4);
        bind(area, vm.disclaimer());
        markWhenRefused(area, DeskSettings.DISCLAIMER);
        Button insert = Controls.button("Insert " + DeskSettings.OUTLET_PLACEHOLDER, Icons.ADD,
                "Insert the outlet's placeholder where the caret is", "settings-insert-outlet");
        insert.getStyleClass().add("wd-small");
        insert.setOnAction(e -> {
            area.insertText(area.getCaretPosition(), DeskSettings.OUTLET_PLACEHOLDER);
            area.requestFocus();
        });
        insert.setDisable(!vm.mayChange());
        return new VBox(6, area, insert);
    }

    /** The label and the disclaimer as the foot of a story page shows them. */
    private Node preview() {
        Label label = new Label();
        label.getStyleClass().add("wd-preview-label");
        label.textProperty().bind(vm.labelPreviewProperty());
        Label text = new Label();
        text.setId("settings-preview");
        text.getStyleClass().add("wd-preview-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.disclaimerPreviewProperty());
        VBox box = new VBox(4, label, text);
        box.getStyleClass().add("wd-preview");
        return box;
    }

    private void bind(TextInputControl input, javafx.beans.property.StringProperty value) {
        input.textProperty().bindBidirectional(value);
        input.setEditable(vm.mayChange());
        if (!vm.mayChange()) {
            input.getStyleClass().add("wd-read-only");
        }
    }

    private Node actions() {
        Button save = Controls.button("Save settings", Icons.SAVE, "Save the changed settings", "settings-save");
        save.getStyleClass().add("wd-primary");
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.save());
        Button revert = Controls.button("Revert", Icons.UNSPIKE, "Put back what the store holds", "settings-revert");
        revert.setOnAction(e -> vm.revert());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        revert.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        var idle = Bindings.not(vm.editedProperty()).or(vm.savingProperty());
        save.disableProperty().bind(idle);
        revert.disableProperty().bind(idle);
        if (!vm.mayChange()) {
            save.setVisible(false);
            save.setManaged(false);
            revert.setVisible(false);
            revert.setManaged(false);
        }
        // what saving came to is said in the status bar, the desk's one notification area; a refused field is marked
        HBox row = new HBox(10, save, revert);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 0, 0, 191)); // under the inputs: the form's padding, label column and gap
        return row;
    }
}
