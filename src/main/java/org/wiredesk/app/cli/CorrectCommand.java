package org.wiredesk.app.cli;

import java.nio.file.Path;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "correct", mixinStandardHelpOptions = true,
        description = {"Corrects a published story's headline (desk chief): its page is rewritten in place and the "
                + "correction recorded with its reason.", "The body is never changed."})
final class CorrectCommand extends StoryStep {
    @Option(names = "--headline", required = true, paramLabel = "NEW", description = "The corrected headline.")
    String headline;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why; kept in the history. A blank reason is refused.")
    String reason;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The site folder it was published to (default: the desk's, $WIREDESK_HOME/site).")
    Path out;

    @Override
    String step(AppContext app) {
        PublishService.Result r = app.publish().correct(app.user(), id, headline, reason, out != null ? out : app.site());
        return "corrected " + r.id() + ": " + r.headline().text() + " -> " + r.page();
    }
}
