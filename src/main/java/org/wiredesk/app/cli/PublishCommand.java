package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import org.wiredesk.publish.SiteWriteException;
import org.wiredesk.story.StoryId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes every approved story, or the stories named: writes each page (house headline, the "
                + "body exactly as ingested, source, URL and the desk's disclaimer), then rebuilds the whole site "
                + "from the store: every page's Recent Posts, the index and archive pages, the RSS and Atom feeds, "
                + "a ninjs document beside each page, and the sitemap. With nothing to publish it brings DIR up to "
                + "date, or makes a whole site there.",
                "A story the publisher cannot stand behind (its body no longer matches its ingest fingerprint) is "
                        + "held for the desk chief with the reason, and the run goes on.",
                "A story under embargo, or scheduled for later, waits: a run of every approved story lists it as "
                        + "waiting; named, it is refused (exit 1). "
                        + "'publish --due' (for a timer or cron job) publishes the scheduled stories whose time has "
                        + "come, writing nothing when none has.",
                "Links in feeds and the sitemap are absolute when the desk setting site.base-url is set. A folder "
                        + "that cannot be written is refused before anything is published (exit 2)."})
final class PublishCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "Approved stories to publish (default: every approved story).")
    List<StoryId> ids;

    @Option(names = "--due", description = "Publish only the scheduled stories whose time has come (see 'schedule').")
    boolean due;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The site folder to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (due && ids != null && !ids.isEmpty()) {
            err.println("wiredesk: --due publishes the stories whose time has come: name no stories with it");
            return spec.exitCodeOnInvalidInput();
        }
        PathProblem.writableFolder("--out", out);
        try (AppContext app = cli.open()) {
            PublishService.Run run;
            try {
                run = due ? app.publish().publishDue(app.user(), out) : ids == null || ids.isEmpty()
                        ? app.publish().publishAllApproved(app.user(), out)
                        : app.publish().publish(app.user(), List.copyOf(new LinkedHashSet<>(ids)), out);
            } catch (SiteWriteException e) {
                // a path that cannot be written is a bad argument, like one that cannot be read
                err.println("wiredesk: " + e.getMessage());
                return 2;
            }
            if (due && run.published().isEmpty() && run.held().isEmpty() && run.skipped().isEmpty()) {
                w.println("nothing due");
                return 0;
            }
            run.published().forEach(r -> w.println(line(r)));
            run.waiting().forEach(k -> w.println("waiting " + k.id() + ": " + k.reason()));
            run.held().forEach(h -> w.println("held " + h.id() + ": " + h.headline().text() + ": " + h.reason()));
            if (!run.published().isEmpty() || !run.held().isEmpty() || run.skipped().isEmpty()) {
                // a run that only refused prints nothing on stdout, like every refused step
                run.siteNotes().forEach(n -> w.println("note: " + n));
                w.println(run.published().size() + " published" + (run.held().isEmpty() ? ""
                        : ", " + run.held().size() + " held for the desk chief"));
            }
            // a story not taken at all is a refused step: its reason, on its own, like every other step's
            run.skipped().forEach(k -> err.println("wiredesk: " + k.reason()));
            if (!run.held().isEmpty() || !run.skipped().isEmpty()) {
                return 1;
            }
        }
        return 0;
    }

    private static String line(PublishService.Result r) {
        return "published " + r.id() + ": " + r.headline().text() + " -> " + r.page();
    }
}
