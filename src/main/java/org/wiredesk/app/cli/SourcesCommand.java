package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.ingest.SourcePoller;
import org.wiredesk.story.Role;
import org.wiredesk.story.Source;
import org.wiredesk.story.SourceHealth;
import org.wiredesk.story.WorkflowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Lists the desk's sources with their health; adds one with --add; polls what is due with "
                + "--poll (once, or every 30 s with --loop).", "Adding a source needs the editor role."})
final class SourcesCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--add", paramLabel = "ADDRESS", description = "A feed or page URL, or a drop folder.")
    String add;

    @Option(names = "--name", paramLabel = "NAME", description = "The source's name (with --add).")
    String name;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "FEED",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Source.Kind kind;

    @Option(names = "--every", paramLabel = "MINUTES", defaultValue = "5", description = "Poll interval in minutes.")
    long minutes;

    @Option(names = "--credit", paramLabel = "AGENCY", description = "The agency credit printed under its stories.")
    String credit;

    @Option(names = "--poll", description = "Poll every source that is due.")
    boolean poll;

    @Option(names = "--loop", description = "With --poll: keep polling every 30 seconds until stopped.")
    boolean loop;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            if (add != null) {
                if (!app.user().has(Role.EDITOR)) {
                    throw new WorkflowException(app.user().username() + " may not add sources: that needs the "
                            + "editor role");
                }
                app.sources().save(new Source(0, name == null ? add : name, add, kind, Duration.ofMinutes(minutes),
                        credit, true));
            }
            if (poll) {
                do {
                    for (SourcePoller.PollResult r : app.poller().pollDue(app.user().username())) {
                        out.println(r.line());
                        out.flush();
                    }
                    if (loop) {
                        Thread.sleep(30_000);
                    }
                } while (loop);
            }
            var health = app.sources().health(Instant.now().minus(Duration.ofHours(24)));
            for (Source s : app.sources().all()) {
                SourceHealth h = health.get(s.id());
                out.printf("%4d  %-24.24s %-12s every %3d min  %s%s  last ok %s  24h items %d%s%n", s.id(), s.name(),
                        s.kind().label(), s.pollInterval().toMinutes(), s.address(), s.enabled() ? "" : " (off)",
                        h.lastSuccess() == null ? "never" : h.lastSuccess(), h.itemsLast24h(),
                        h.lastError() == null ? "" : "  last error: " + h.lastError());
            }
        }
        return 0;
    }
}
