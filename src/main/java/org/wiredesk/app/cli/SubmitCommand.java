package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submits a story under its house headline for the desk chief's approval (copy editor).")
final class SubmitCommand extends StoryStep {
    @Option(names = "--note", paramLabel = "TEXT", description = "A note for the desk chief, kept in the history.")
    String note;

    @Override
    String step(AppContext app) {
        return done("submitted", app.desk().submit(app.user(), id, null, note));
    }
}
