package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes every approved story: writes its page (house headline, the body exactly as "
                + "ingested, source, URL and the desk's disclaimer) and the index of recent posts.",
                "A story whose body no longer matches its ingest fingerprint is refused."})
final class PublishCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The site folder to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            List<PublishService.Result> results = app.publish().publishApproved(app.user(), out);
            for (PublishService.Result r : results) {
                w.println("published " + r.id() + ": " + r.headline() + " -> " + r.page());
            }
            w.println(results.size() + " published");
        }
        return 0;
    }
}
