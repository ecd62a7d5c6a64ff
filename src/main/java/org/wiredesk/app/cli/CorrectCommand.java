package org.wiredesk.app.cli;

import java.nio.file.Path;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

// written out: --reason is checked by the command, not by picocli (one sentence, not a usage dump), so the
// generated synopsis would show it as optional
@Command(name = "correct", mixinStandardHelpOptions = true,
        customSynopsis = {"wiredesk correct [-hV] --headline=NEW --reason=TEXT [--out=DIR]",
                "                        [--store=DIR|URL] [--user=NAME] ID"},
        description = {"Corrects a published story's headline (desk chief): its page is rewritten in place and the "
                + "correction recorded with its reason.", "The body is never changed."})
final class CorrectCommand extends StoryStep {
    @Option(names = "--headline", required = true, paramLabel = "NEW", description = "The corrected headline.")
    String headline;

    // not required by picocli: a correction without a reason is refused in one sentence (missingArgument)
    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Required: why the headline is corrected; kept in the history. A blank reason is refused.")
    String reason;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The site folder it was published to (default: the store's, beside the store).")
    Path out;

    @Override
    String missingArgument() {
        return reason == null ? "A correction needs a reason: say why with --reason TEXT (it is kept in the "
                + "history); nothing was changed" : null;
    }

    @Override
    String step(AppContext app) {
        if (out != null) {
            PathProblem.writableFolder("--out", out);
        }
        PublishService.Result r = app.publish().correct(app.user(), id, headline, reason, out != null ? out : app.site());
        // the step's own line first, as every step prints it; then what the site's rebuild had to say
        StringBuilder out = new StringBuilder("corrected " + r.id() + ": " + r.headline().text() + " -> " + r.page());
        r.siteNotes().forEach(n -> out.append(System.lineSeparator()).append("note: ").append(n));
        return out.toString();
    }
}
