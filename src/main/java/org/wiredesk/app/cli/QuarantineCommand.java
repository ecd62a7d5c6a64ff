package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.QuarantineEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "Lists input that could not be ingested, with the reason; nothing is dropped.")
final class QuarantineCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            var entries = app.quarantine().open();
            for (QuarantineEntry q : entries) {
                out.printf("%5d  %s  %s (%d bytes): %s%n", q.id(), q.at(), q.origin(), q.size(), q.reason());
            }
            out.println(entries.size() + " in quarantine");
        }
        return 0;
    }
}
