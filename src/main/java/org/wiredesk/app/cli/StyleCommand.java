package org.wiredesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Role;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "style", mixinStandardHelpOptions = true,
        description = {"Shows the desk's house-style rules, replaces them from a file (--set, desk chief), or checks "
                + "a headline (--check).", "The rules file format is in docs/house-style-rules.md."})
final class StyleCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "FILE", description = "Replace the desk's rules with this file.")
    Path set;

    @Option(names = "--check", paramLabel = "HEADLINE", description = "Check a headline; exit 1 if it has errors.")
    String check;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (set != null) {
            PathProblem.readableFile("--set", set);
        }
        try (AppContext app = cli.open()) {
            if (set != null) {
                if (!app.user().has(Role.DESK_CHIEF)) {
                    throw new WorkflowException(app.user().username() + " may not change the house style: that "
                            + "needs the desk chief role");
                }
                app.setHouseStyle(Files.readString(set, StandardCharsets.UTF_8));
                out.println("House style replaced from " + set);
            }
            if (check != null) {
                HouseStyle style = app.houseStyle();
                List<StyleIssue> issues = style.check(check, null);
                out.println(HouseStyle.length(check) + " characters (limit " + style.maxLength() + ")");
                for (StyleIssue i : issues) {
                    out.println(i.severity().name().toLowerCase() + ": " + i.message()
                            + (i.fixable() ? "  → " + i.fixed() : ""));
                }
                out.println(issues.isEmpty() ? "no issues" : issues.size() + " issues");
                return issues.stream().anyMatch(i -> i.severity() == StyleIssue.Severity.ERROR) ? 1 : 0;
            }
            if (set == null) {
                out.print(app.houseStyleText());
            }
        }
        return 0;
    }
}
