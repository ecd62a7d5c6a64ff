package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Role;
import org.wiredesk.store.UserRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Lists the desk's members. The owner adds (--add), changes (--set) and disables (--disable) "
                + "members; every member changes their own password (--password).",
                "New passwords are typed twice at the terminal, or read from standard input's first line with "
                        + "--password-stdin."})
final class UsersCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Change change;

    static final class Change {
        @Option(names = "--add", paramLabel = "NAME", description = "Add a member (needs --role and a password).")
        String add;

        @Option(names = "--set", paramLabel = "NAME",
                description = "Change a member: --role, --name, and/or a new password with --password-stdin.")
        String set;

        @Option(names = "--disable", paramLabel = "NAME",
                description = "Disable a member: they can no longer sign in; their history stays.")
        String disable;

        @Option(names = "--password", description = "Change your own password.")
        boolean password;
    }

    @Option(names = "--name", paramLabel = "DISPLAY", description = "The member's full name (--set without it keeps it).")
    String displayName;

    @Option(names = "--role", paramLabel = "ROLE", split = ",",
            description = "Their roles: ${COMPLETION-CANDIDATES} (repeat or separate with commas).")
    List<Role> roles;

    @Option(names = "--password-stdin", description = "Read the new password from standard input's first line.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            UserRepository users = app.users();
            if (change != null) {
                apply(users, out);
                if (change.password) {
                    return 0; // this session's password is the old one: sign in again to see the desk
                }
            }
            for (UserRepository.Member m : users.members()) {
                out.println(m.user().username() + "  " + m.user().displayName() + "  "
                        + m.user().roles().stream().map(Role::name).sorted().collect(Collectors.joining(","))
                        + (m.owner() ? "  owner" : "") + (m.disabled() ? "  disabled" : "")
                        + (!m.disabled() && !m.canSignIn() ? "  needs a password" : ""));
            }
        }
        return 0;
    }

    private void apply(UserRepository users, PrintWriter out) {
        if (change.add != null) {
            if (roles == null || roles.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--add needs --role ROLE[,ROLE...]");
            }
            char[] password = cli.passwords().fresh(spec.commandLine(), change.add, passwordStdin);
            users.add(change.add, displayName, EnumSet.copyOf(roles), password);
            out.println("added " + change.add.toLowerCase(java.util.Locale.ROOT));
        } else if (change.set != null) {
            if (roles == null && displayName == null && !passwordStdin) {
                throw new ParameterException(spec.commandLine(), "--set needs --role, --name or --password-stdin");
            }
            // the new password is read first, so a missing one changes nothing at all
            char[] password = passwordStdin ? cli.passwords().fresh(spec.commandLine(), change.set, true) : null;
            if (password != null && password.length < 8) {
                throw new org.wiredesk.store.StoreException("A password needs at least 8 characters");
            }
            if (roles != null || displayName != null) {
                users.set(change.set, displayName, roles == null ? null
                        : roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
            }
            if (password != null) {
                users.setPassword(change.set, password);
                java.util.Arrays.fill(password, '\0');
            }
            out.println("changed " + change.set.toLowerCase(java.util.Locale.ROOT));
        } else if (change.disable != null) {
            users.disable(change.disable);
            out.println("disabled " + change.disable.toLowerCase(java.util.Locale.ROOT));
        } else if (change.password) {
            users.changeOwnPassword(cli.passwords().fresh(spec.commandLine(), cli.member(), passwordStdin));
            out.println("changed your password");
        }
    }
}
