package org.wiredesk.app.cli;

import java.util.List;
import org.wiredesk.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submits a story under its house headline for the desk chief's approval (copy editor).",
                "A headline with a house-style error (see 'style --check') is submitted only with "
                        + "--override-style and the reason; the desk chief sees the errors and the reason, and "
                        + "both are kept in the history."})
final class SubmitCommand extends StoryStep {
    @Option(names = "--note", paramLabel = "TEXT",
            description = "A note for the desk chief, kept in the history and shown on the story's thread.")
    String note;

    @Option(names = "--override-style", paramLabel = "REASON",
            description = "Why the headline should run although it breaks house style (refused when it does not).")
    String overrideStyle;

    @Override
    String step(AppContext app) {
        // no screen here, so no width in pixels: the override covers the errors every workstation finds alike
        var story = app.desk().submit(app.user(), id, null, note, overrideStyle, List.of());
        return done(overrideStyle == null ? "submitted" : "submitted over house style", story);
    }
}
