package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Rejects a submitted story back to the copy editor with a reason (desk chief).")
final class RejectCommand extends StoryStep {
    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why; kept in the history, and the first thing the copy editor reads on the story. A "
                    + "blank reason is refused.")
    String reason;

    @Override
    String step(AppContext app) {
        app.desk().reject(app.user(), id, reason);
        return done("rejected", app.desk().story(id));
    }
}
