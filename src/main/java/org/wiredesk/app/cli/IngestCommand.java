package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.ingest.DocumentLoader;
import org.wiredesk.ingest.IngestReport;
import org.wiredesk.ingest.IngestService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests wire stories from files, folders, or http(s) addresses of RSS/Atom feeds and "
                + "article pages.", "Prints one line per document and a summary. What cannot be ingested is kept "
                + "in the quarantine with its reason (see 'quarantine')."})
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "A feed or page file, a folder, or a URL.")
    List<String> sources;

    @Override
    public Integer call() {
        for (String source : sources) {
            if (!DocumentLoader.isWebAddress(source)) {
                Path path = Path.of(source);
                if (!Files.exists(path)) {
                    throw new PathProblem("no such file or folder: " + source);
                }
                if (!Files.isReadable(path)) {
                    throw new PathProblem("permission denied: " + source);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            IngestReport report = app.ingest().ingest(sources, app.user().username(),
                    (IngestService.Progress) (outcome, index, total) -> {
                        out.println(total > 1 ? "[" + index + "/" + total + "] " + outcome.line() : outcome.line());
                        out.flush();
                    });
            out.println(report.summary());
        }
        return 0;
    }
}
