package org.wiredesk.desk.signin;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The first thing the desk window shows: "create this desk" on a new store (owner name, full name, password twice,
 * four eyes or a one-person desk), "secure this desk" on a store made before members signed in, and sign-in on an
 * existing desk. It only collects what was typed; opening the store is the caller's, which shows a refusal here.
 */
public final class SignInDialog {
    /** Which question the dialog asks. */
    public enum Mode {
        CREATE("Create this desk", "Create desk",
                "A new store. You become its owner: you add the desk's members and give them their roles."),
        UPGRADE("Secure this desk", "Secure desk",
                "This store was made by an earlier WireDesk, before members signed in. Choose its owner: every story,"
                        + " draft, history row and role is kept, and the store as it was is kept beside it."),
        SIGN_IN("Sign in to the desk", "Sign in", "Your desk name and password.");

        final String title;
        final String action;
        final String explanation;

        Mode(String title, String action, String explanation) {
            this.title = title;
            this.action = action;
            this.explanation = explanation;
        }
    }

    /** What was typed. The password is the caller's to use once and wipe. */
    public record Answer(String name, String displayName, char[] password, boolean onePersonDesk) {
    }

    private final Dialog<Answer> dialog = new Dialog<>();
    private final TextField name = new TextField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final CheckBox onePerson = new CheckBox("One-person desk: I may approve my own headlines "
            + "(each such approval is marked as self-approved)");
    private final Label problem = new Label();

    public SignInDialog(Mode mode, String suggestedName, String store) {
        dialog.setTitle("WireDesk — " + mode.title);
        dialog.setHeaderText(mode.title + "\n" + store);
        ButtonType go = new ButtonType(mode.action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form(mode));
        dialog.getDialogPane().getStyleClass().add("sign-in");
        // shown before the desk window, so it brings the desk's stylesheet (colours, fonts) itself
        dialog.getDialogPane().getStylesheets().add(
                SignInDialog.class.getResource("/org/wiredesk/desk/desk.css").toExternalForm());
        name.setText(suggestedName == null ? "" : suggestedName);
        name.setId("sign-in-name");
        displayName.setId("sign-in-display-name");
        password.setId("sign-in-password");
        again.setId("sign-in-again");
        onePerson.setId("sign-in-one-person");
        problem.setId("sign-in-problem");
        problem.getStyleClass().add("sign-in-problem");
        problem.setWrapText(true);
        var button = dialog.getDialogPane().lookupButton(go);
        button.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String why = check(mode);
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == go ? new Answer(name.getText().strip(), displayName.getText().strip(),
                password.getText().toCharArray(), onePerson.isSelected()) : null);
        Platform.runLater(() -> (name.getText().isEmpty() ? name : password).requestFocus());
    }

    private VBox form(Mode mode) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label(mode == Mode.SIGN_IN ? "Name" : "Owner's name"), name);
        if (mode != Mode.SIGN_IN) {
            grid.addRow(row++, new Label("Full name"), displayName);
        }
        grid.addRow(row++, new Label("Password"), password);
        if (mode != Mode.SIGN_IN) {
            grid.addRow(row++, new Label("Password again"), again);
        }
        Label explanation = new Label(mode.explanation);
        explanation.setWrapText(true);
        explanation.setMaxWidth(460);
        VBox box = new VBox(10, explanation, grid);
        if (mode != Mode.SIGN_IN) {
            onePerson.setWrapText(true);
            onePerson.setMaxWidth(460);
            box.getChildren().add(onePerson);
        }
        box.getChildren().add(problem);
        return box;
    }

    private String check(Mode mode) {
        if (name.getText().isBlank()) {
            return "Type a name.";
        }
        if (mode != Mode.SIGN_IN) {
            if (!org.wiredesk.store.Credentials.isValidName(name.getText())) {
                return "A name is a letter followed by letters, digits or '_'.";
            }
            if (password.getText().length() < 8) {
                return "A password needs at least 8 characters.";
            }
            if (!password.getText().equals(again.getText())) {
                return "The two passwords differ.";
            }
        } else if (password.getText().isEmpty()) {
            return "Type your password.";
        }
        return null;
    }

    /** Shows a refusal from the last attempt (e.g. "Sign-in refused."), keeping the name and clearing passwords. */
    public void refused(String message) {
        problem.setText(message);
        password.clear();
        again.clear();
    }

    public Optional<Answer> showAndWait() {
        return dialog.showAndWait();
    }
}
