package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.DeskVerifier;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.HistoryAudit;
import org.wiredesk.store.PostgresBackup;
import org.wiredesk.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Makes the desk named by --store anew from a backup, signing in as its owner, then verifies it.",
                "A Derby store: --store is a folder that does not exist yet, --from the backup's store folder; the "
                        + "owner signs in with their password at the time of the backup.",
                "A desk on PostgreSQL: --store is an empty database that the server's administrator created owned by "
                        + "the desk's owner, --from the .dump file; pg_restore (on the PATH, or in WIREDESK_PG_BIN) "
                        + "restores it in one transaction. Roles are the server's, not in the backup: on the same "
                        + "server the members are found; on a new one its administrator brings the roles over first "
                        + "(pg_dumpall --roles-only, docs/cli.md)."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "BACKUP",
            description = "What 'backup' printed: the backup's store folder (Derby) or its .dump file (PostgreSQL).")
    Path from;

    @Override
    public Integer call() {
        return cli.isShared() ? restoreShared() : restoreEmbedded();
    }

    private int restoreEmbedded() {
        PathProblem.readableFolder("--from", from);
        Path target = cli.storeDir();
        Cli.prepareDerbyStore(target);
        Database restored = StoreBackup.restore(from, target, ownerCredentials());
        return verified(restored, target.toString(), List.of());
    }

    private int restoreShared() {
        if (Files.isDirectory(from)) {
            throw new ParameterException(spec.commandLine(), "--from: there is no file " + from
                    + " (a desk on PostgreSQL is restored from the .dump file that backup wrote)");
        }
        PathProblem.readableFile("--from", from);
        PostgresBackup.requireTools(cli.environment(), true);
        Database target = cli.home().database(cli.storeArgument(), ownerCredentials());
        PostgresBackup.Restored restored = PostgresBackup.restore(from, target, cli.environment());
        return verified(restored.database(), restored.database().description(), restored.notes());
    }

    private Credentials ownerCredentials() {
        String member = cli.member();
        return new Credentials(member, cli.passwords().signIn(spec.commandLine(), member));
    }

    /** Verifies the restored desk as {@code verify} does; exit 0 when all holds. */
    private int verified(Database restored, String where, List<String> notes) {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = AppContext.open(restored, cli.site(), Clock.systemDefaultZone())) {
            DeskVerifier.Report report = new DeskVerifier(app.stories(), app.workflow(),
                    new HistoryAudit(app.database()), app.keys(),
                    new org.wiredesk.store.CreditRepository(app.database())).verify(null);
            out.println("restored " + where + " from " + from);
            notes.forEach(line -> out.println("note: " + line));
            report.checked().forEach(line -> out.println("checked " + line));
            report.notes().forEach(line -> out.println("note: " + line));
            report.breaks().forEach(line -> out.println("BROKEN: " + line));
            out.println(report.holds() ? "all holds" : report.breaks().size() + " breaks found");
            return report.holds() ? 0 : 1;
        }
    }
}
