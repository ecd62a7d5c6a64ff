package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.PostgresSetup;
import org.wiredesk.store.StoreSetup;
import org.wiredesk.store.StoreUpgrade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a new store owned by NAME, or secures a store made by an earlier WireDesk (before "
                + "members signed in): authentication on, NAME its owner, every story, draft, history row and role kept.",
                "With --store postgresql://..., makes an empty database that NAME owns (NAME may create roles) a shared "
                        + "desk: its schema, group roles, policy and signing key; NAME signs in with their own password.",
                "The owner's password is typed twice at the terminal; without a terminal it is WIREDESK_PASSWORD, or "
                        + "standard input's first line with --password-stdin."})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--owner", required = true, paramLabel = "NAME", description = "The store's owner (a member too).")
    String owner;

    @Option(names = "--name", paramLabel = "DISPLAY", description = "The owner's full name.")
    String displayName;

    @Option(names = "--one-person-desk", description = {"Let a desk chief approve their own headline (every such",
            "approval is marked as self-approved). Default: four eyes."})
    boolean onePersonDesk;

    @Option(names = "--password-stdin", description = "Read the owner's password from standard input's first line.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (cli.isShared()) {
            return initShared(out);
        }
        Path dir = cli.storeDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("--store must name a directory: " + dir + " is a file");
        }
        String member = Credentials.canonical(owner);
        if (!Files.exists(dir)) {
            PathProblem.writableFolder("--store", dir);
        }
        Cli.prepareDerbyStore(dir);
        StoreSetup.State state = StoreSetup.state(dir);
        if (state == StoreSetup.State.SECURED) {
            throw new StoreException("The store at " + dir + " already has an owner: sign in to it");
        }
        char[] password = passwordFromEnvironmentOrFresh(member);
        Credentials credentials = new Credentials(member, password);
        java.util.Arrays.fill(password, '\0');
        if (state == StoreSetup.State.NONE) {
            try (Database db = StoreSetup.create(Database.embedded(dir, credentials), displayName, onePersonDesk)) {
                out.println("Created the store at " + dir + ", owned by " + member
                        + (onePersonDesk ? " (one-person desk)" : " (four eyes)"));
                out.println("Add members with: wiredesk --store " + dir + " --user " + member
                        + " users --add NAME --role ROLE --password-stdin");
            }
        } else {
            StoreUpgrade.Report report = StoreUpgrade.upgrade(dir, credentials, displayName, onePersonDesk);
            out.println("Secured the store at " + dir + ", owned by " + member + ": " + report.summary());
            out.println("The store as it was is kept at " + report.backup());
            if (!report.membersWithoutPassword().isEmpty()) {
                out.println("Members who need a first password (users --set NAME --password-stdin): "
                        + String.join(", ", report.membersWithoutPassword()));
            }
        }
        return 0;
    }

    /**
     * Makes an empty PostgreSQL database a desk. The owner signs in with the login role and password the server's
     * administrator gave them: the database and the role exist before WireDesk does anything.
     */
    private int initShared(PrintWriter out) {
        String member = Credentials.canonical(owner);
        Credentials credentials = new Credentials(member, cli.passwords().signIn(spec.commandLine(), member));
        String url = cli.storeArgument();
        try (Database db = PostgresSetup.create(cli.home().database(url, credentials), displayName, onePersonDesk)) {
            out.println("Made " + db.description() + " a desk, owned by " + member
                    + (onePersonDesk ? " (one-person desk)" : " (four eyes)"));
            out.println("Add members with: wiredesk --store " + url + " --user " + member
                    + " users --add NAME --role ROLE --password-stdin");
        }
        return 0;
    }

    /** The owner's new password: WIREDESK_PASSWORD when set and there is no terminal, else typed or from stdin. */
    private char[] passwordFromEnvironmentOrFresh(String member) {
        if (!passwordStdin) {
            String env = cli.environment().get(Passwords.ENVIRONMENT);
            if (env != null && !env.isEmpty() && !cli.hasTerminal()) {
                return env.toCharArray();
            }
        }
        return cli.passwords().fresh(spec.commandLine(), member, passwordStdin);
    }
}
