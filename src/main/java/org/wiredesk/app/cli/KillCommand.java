package org.wiredesk.app.cli;

import java.nio.file.Path;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.PublishService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

// written out: --reason is checked by the command, not by picocli (one sentence, not a usage dump), so the
// generated synopsis would show it as optional
@Command(name = "kill", mixinStandardHelpOptions = true,
        customSynopsis = {"wiredesk kill [-hV] --reason=TEXT [--out=DIR] [--store=DIR|URL]",
                "                     [--user=NAME] ID"},
        description = "Kills a published story (desk chief): its page is replaced by a withdrawal notice and the "
                + "kill recorded with its reason.")
final class KillCommand extends StoryStep {
    // not required by picocli: a kill without a reason is refused in one sentence (missingArgument), not a usage dump
    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Required: why the story is withdrawn; kept in the history. A blank reason is refused.")
    String reason;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The site folder it was published to (default: the store's, beside the store).")
    Path out;

    @Override
    String missingArgument() {
        return reason == null ? "A kill needs a reason: say why with --reason TEXT (it is kept in the history); "
                + "nothing was changed" : null;
    }

    @Override
    String step(AppContext app) {
        if (out != null) {
            PathProblem.writableFolder("--out", out);
        }
        PublishService.Result r = app.publish().kill(app.user(), id, reason, out != null ? out : app.site());
        // the step's own line first, as every step prints it; then what the site's rebuild had to say
        StringBuilder out = new StringBuilder("killed " + r.id() + ": " + r.headline().text() + " -> " + r.page());
        r.siteNotes().forEach(n -> out.append(System.lineSeparator()).append("note: ").append(n));
        return out.toString();
    }
}
