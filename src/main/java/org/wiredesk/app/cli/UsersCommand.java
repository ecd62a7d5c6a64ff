package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Role;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Lists desk members, or adds or changes one with --set NAME --role ROLE...",
                "Only a desk chief may change members."})
final class UsersCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "NAME", description = "The member to add or change.")
    String set;

    @Option(names = "--name", paramLabel = "DISPLAY", description = "Their display name.")
    String displayName;

    @Option(names = "--role", paramLabel = "ROLE", split = ",",
            description = "Their roles: ${COMPLETION-CANDIDATES} (repeat or separate with commas).")
    List<Role> roles;

    @Parameters(arity = "0", hidden = true)
    List<String> none;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            if (set != null) {
                if (!app.user().has(Role.DESK_CHIEF)) {
                    throw new WorkflowException(app.user().username() + " may not change desk members: that needs "
                            + "the desk chief role");
                }
                app.users().save(new User(set, displayName,
                        roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)));
            }
            for (User u : app.users().all()) {
                out.println(u.username() + "  " + u.displayName() + "  "
                        + u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
            }
        }
        return 0;
    }
}
