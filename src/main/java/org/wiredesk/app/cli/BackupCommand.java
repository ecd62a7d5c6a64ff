package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Takes an online backup of the store into a folder (the owner only; the desk keeps working).",
                "Restore it with: wiredesk --store NEW-DIR --user OWNER restore --from BACKUP"})
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
        try (AppContext app = cli.open()) {
            Path backup = StoreBackup.backup(app.database(), to);
            out.println("backed up to " + backup);
        }
        return 0;
    }
}
