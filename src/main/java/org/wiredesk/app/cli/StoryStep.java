package org.wiredesk.app.cli;

import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Story;
import org.wiredesk.story.StoryId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * One desk step on one story, taken as the signed-in member through the desk's services: prints one line saying
 * what was done. A refusal by the workflow reaches {@link Cli}'s handler, which prints its sentence and exits 1.
 */
abstract class StoryStep implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "The story's id (see 'list').")
    StoryId id;

    @Override
    public final Integer call() {
        String missing = missingArgument();
        if (missing != null) {
            // said before the store is opened, so nothing can have changed; one line rather than picocli's usage
            spec.commandLine().getErr().println("wiredesk: " + missing);
            return spec.exitCodeOnInvalidInput();
        }
        try (AppContext app = cli.open()) {
            spec.commandLine().getOut().println(step(app));
        }
        return 0;
    }

    /** A required argument that is missing, said in one sentence, or null: checked before the store is opened. */
    String missingArgument() {
        return null;
    }

    /** Takes the step and says what was done, e.g. "approved 12: House headline". */
    abstract String step(AppContext app);

    static String done(String verb, Story story) {
        return verb + " " + story.id() + ": " + story.runningHeadline().text();
    }
}
