package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "send-back", mixinStandardHelpOptions = true,
        description = "Sends a story held at publish time back to the copy editor, as a rejection with a reason "
                + "(desk chief).")
final class SendBackCommand extends StoryStep {
    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why; kept in the history. A blank reason is refused.")
    String reason;

    @Override
    String step(AppContext app) {
        app.desk().sendBack(app.user(), id, reason);
        return done("sent back", app.desk().story(id));
    }
}
