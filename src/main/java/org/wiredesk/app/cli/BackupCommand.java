package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.store.PostgresBackup;
import org.wiredesk.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Takes an online backup of the desk into a folder while it keeps working (the owner only); "
                + "prints what it wrote.",
                "A Derby store: Derby's own backup, a copy of the store's folder. Restore it with:",
                "  wiredesk --store NEW-DIR --user OWNER restore --from BACKUP",
                "A desk on PostgreSQL: pg_dump (on the PATH, or in the folder WIREDESK_PG_BIN names) writes the desk's "
                        + "schema from one snapshot into DATABASE-yyyyMMddTHHmmssZ.dump. Restore it with:",
                "  wiredesk --store postgresql://HOST/NEWDB --user OWNER restore --from FILE"})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "The folder to write the backup into.")
    Path to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PathProblem.writableFolder("--to", to);
        if (cli.isShared()) {
            PostgresBackup.requireTools(cli.environment(), false);
        }
        try (AppContext app = cli.open()) {
            Path backup = cli.isShared() ? PostgresBackup.backup(app.database(), to, cli.environment())
                    : StoreBackup.backup(app.database(), to);
            out.println("backed up to " + backup);
            if (cli.isShared()) {
                out.println("note: the members' and the desk's group roles are the server's, not in the backup: to "
                        + "restore onto another server, keep its roles too (pg_dumpall --roles-only, docs/cli.md)");
            }
        }
        return 0;
    }
}
