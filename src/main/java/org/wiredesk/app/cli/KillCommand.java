package org.wiredesk.app.cli;

import java.nio.file.Path;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "Kills a published story (desk chief): its page is replaced by a withdrawal notice and the "
                + "kill recorded with its reason.")
final class KillCommand extends StoryStep {
    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why; kept in the history. A blank reason is refused.")
    String reason;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The site folder it was published to (default: the desk's, $WIREDESK_HOME/site).")
    Path out;

    @Override
    String step(AppContext app) {
        PublishService.Result r = app.publish().kill(app.user(), id, reason, out != null ? out : app.site());
        return "killed " + r.id() + ": " + r.headline().text() + " -> " + r.page();
    }
}
