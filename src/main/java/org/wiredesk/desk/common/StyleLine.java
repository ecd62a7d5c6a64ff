package org.wiredesk.desk.common;

import javafx.scene.control.Label;
import org.wiredesk.style.StyleIssue;

/** One house-style slip as a line on screen: an icon and colour for its severity, and what to tell the reader. */
public final class StyleLine {
    private StyleLine() {
    }

    public static Label of(StyleIssue issue) {
        boolean error = issue.severity() == StyleIssue.Severity.ERROR;
        Label line = new Label(issue.message(), (error ? Icons.REJECT : Icons.QUARANTINE).node());
        line.getStyleClass().add(error ? "wd-issue-error" : "wd-issue-warning");
        line.setWrapText(true);
        return line;
    }
}
