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
import org.wiredesk.store.StoreBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Makes the store named by --store (a folder that does not exist yet) from a backup, signing in "
                + "as its owner with the owner's password at the time of the backup, then verifies it."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "BACKUP",
            description = "The backup's store folder (what 'backup' printed).")
    Path from;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(from)) {
            throw new ParameterException(spec.commandLine(), "--from: there is no folder " + from);
        }
        Path target = cli.storeDir();
        String member = cli.member();
        Credentials owner = new Credentials(member, cli.passwords().signIn(spec.commandLine(), member));
        Database restored = StoreBackup.restore(from, target, owner);
        try (AppContext app = AppContext.open(restored, cli.home().site(), Clock.systemDefaultZone())) {
            DeskVerifier.Report report = new DeskVerifier(app.stories(), app.workflow(),
                    new HistoryAudit(app.database()), app.keys()).verify(null);
            out.println("restored " + target + " from " + from);
            report.checked().forEach(line -> out.println("checked " + line));
            report.breaks().forEach(line -> out.println("BROKEN: " + line));
            out.println(report.holds() ? "all holds" : report.breaks().size() + " breaks found");
            return report.holds() ? 0 : 1;
        }
    }
}
