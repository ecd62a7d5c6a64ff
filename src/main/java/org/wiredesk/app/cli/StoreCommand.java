package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.DeskVerifier;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.SignInRefusedException;
import org.wiredesk.store.StoreCopy;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoreSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Commands about a whole store: 'store copy' moves a Derby store into a PostgreSQL desk. */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = StoreCommand.Copy.class,
        description = "Commands about a whole store: 'store copy' moves a Derby store into a shared PostgreSQL desk.")
final class StoreCommand {
    /** The variable holding the Derby owner's password when there is no terminal to type it. */
    static final String FROM_PASSWORD = "WIREDESK_FROM_PASSWORD";

    @ParentCommand
    Cli cli;

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copies a whole Derby store into a PostgreSQL desk that its owner made with init and has "
                    + "not used since: stories, bodies, fingerprints, drafts, claims, history with its chain, "
                    + "sources, quarantine, settings, the desk's policy and signing keys, members and their roles. "
                    + "One transaction: all or nothing. Then verifies the copy.",
                    "Signs in to the desk as its owner (--user; password typed, or WIREDESK_PASSWORD) and to the "
                            + "Derby store as its owner (--from-user; password from " + FROM_PASSWORD
                            + ", or typed). Members cannot sign in to the copy until the owner gives each a first "
                            + "password with users --set NAME --password-stdin."})
    static final class Copy implements Callable<Integer> {
        @ParentCommand
        StoreCommand store;

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DIR", description = "The Derby store's folder.")
        Path from;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The PostgreSQL desk, postgresql://HOST[:PORT]/DATABASE[?sslmode=...].")
        String to;

        @Option(names = "--from-user", paramLabel = "NAME",
                description = "The Derby store's owner (default: the --user name).")
        String fromUser;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            Cli cli = store.cli;
            if (cli.storeArgument() != null) {
                throw new ParameterException(cmd, "store copy names its stores with --from and --to, not --store");
            }
            if (!Database.isPostgresUrl(to)) {
                throw new ParameterException(cmd, "--to: a PostgreSQL desk, postgresql://HOST[:PORT]/DATABASE: " + to);
            }
            requireDerbyStore(cmd);
            String owner = cli.member();
            String derbyOwner = fromUser == null ? owner : Credentials.canonical(fromUser);
            Credentials target = new Credentials(owner, cli.passwords().signIn(cmd, owner));
            Credentials source = new Credentials(derbyOwner, derbyPassword(cli, cmd, derbyOwner));
            PrintWriter out = cmd.getOut();
            StoreCopy.Report report;
            Database desk = signIn(cli.home().database(to, target), "the PostgreSQL desk", cmd);
            if (desk == null) {
                return Cli.SIGN_IN_REFUSED;
            }
            try (desk) {
                Database derby = signIn(Database.embedded(from, source), "the Derby store", cmd);
                if (derby == null) {
                    return Cli.SIGN_IN_REFUSED;
                }
                try (derby) {
                    report = StoreCopy.copy(derby, desk);
                    out.println("copied " + from + " into " + desk.description() + ": " + report.summary());
                }
            }
            report.notes().forEach(note -> out.println("note: " + note));
            if (!report.needPassword().isEmpty()) {
                out.println("members who need a first password (users --set NAME --password-stdin): "
                        + String.join(", ", report.needPassword()));
            }
            if (!report.disabled().isEmpty()) {
                out.println("members still disabled: " + String.join(", ", report.disabled()));
            }
            return verify(cli, target, out);
        }

        /** Opens a store, or says which of the two refused the sign-in (and nothing more) and returns null. */
        private static Database signIn(Database db, String which, CommandLine cmd) {
            try {
                return db.open();
            } catch (SignInRefusedException e) {
                cmd.getErr().println("wiredesk: sign-in refused by " + which);
                return null;
            }
        }

        private void requireDerbyStore(CommandLine cmd) {
            if (Database.isPostgresUrl(from.toString())) {
                throw new ParameterException(cmd, "--from: there is no Derby store folder " + from);
            }
            PathProblem.readableFolder("--from", from);
            Cli.prepareDerbyStore(from);
            switch (StoreSetup.state(from)) {
                case NONE -> throw new ParameterException(cmd, "--from: there is no Derby store in " + from);
                case UNSECURED -> throw new StoreException("The store at " + from + " was made by an earlier "
                        + "WireDesk, before members signed in: secure it first with wiredesk --store " + from
                        + " init --owner NAME");
                default -> { }
            }
        }

        /** The Derby owner's password: WIREDESK_FROM_PASSWORD when set, else typed at the terminal. */
        private static char[] derbyPassword(Cli cli, CommandLine cmd, String member) {
            String fromEnv = cli.environment().get(FROM_PASSWORD);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return fromEnv.toCharArray();
            }
            if (!cli.hasTerminal()) {
                throw new Passwords.Missing("No terminal to type the Derby store owner " + member + "'s password: "
                        + "set " + FROM_PASSWORD);
            }
            return cli.passwords().signIn(cmd, member + " on the Derby store");
        }

        /** The same checks as verify, on the copy. */
        private int verify(Cli cli, Credentials owner, PrintWriter out) {
            try (AppContext app = AppContext.open(cli.home().database(to, owner), cli.home().siteFor(to),
                    Clock.systemDefaultZone())) {
                DeskVerifier.Report report = new DeskVerifier(app.stories(), app.workflow(),
                        new HistoryAudit(app.database()), app.keys(),
                        new org.wiredesk.store.CreditRepository(app.database())).verify(null);
                report.checked().forEach(line -> out.println("checked " + line));
                report.breaks().forEach(line -> out.println("BROKEN: " + line));
                out.println(report.holds() ? "all holds" : report.breaks().size() + " breaks found");
                return report.holds() ? 0 : 1;
            }
        }
    }
}
