package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import org.wiredesk.story.StoryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes every approved story, or the stories named: writes each page (house headline, the "
                + "body exactly as ingested, source, URL and the desk's disclaimer) and the index of recent posts.",
                "A story whose body no longer matches its ingest fingerprint is refused. With IDs, the first "
                        + "refusal stops the run; the stories before it stay published."})
final class PublishCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "Approved stories to publish (default: every approved story).")
    List<StoryId> ids;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The site folder to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            List<PublishService.Result> results;
            if (ids == null || ids.isEmpty()) {
                results = app.publish().publishApproved(app.user(), out);
                results.forEach(r -> w.println(line(r)));
            } else {
                results = publishEach(app, w);
            }
            w.println(results.size() + " published");
        }
        return 0;
    }

    /**
     * PublishService has no call for a list of ids, so each is published on its own (each rewrites the index) and
     * its line printed at once, so a refusal later in the run still shows what went out before it.
     */
    private List<PublishService.Result> publishEach(AppContext app, PrintWriter w) {
        List<PublishService.Result> results = new ArrayList<>();
        for (StoryId id : new LinkedHashSet<>(ids)) {
            PublishService.Result r = app.publish().publish(app.user(), id, out);
            results.add(r);
            w.println(line(r));
            w.flush();
        }
        return results;
    }

    private static String line(PublishService.Result r) {
        return "published " + r.id() + ": " + r.headline().text() + " -> " + r.page();
    }
}
