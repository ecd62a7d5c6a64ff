package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.StoryThread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "reply", mixinStandardHelpOptions = true,
        description = "Replies on a story's thread, kept in its history (copy editor or desk chief).")
final class StoryReplyCommand implements Callable<Integer> {
    @ParentCommand
    StoryCommand story;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "The story's id (see 'list').")
    StoryId id;

    @Option(names = "--text", required = true, paramLabel = "TEXT",
            description = "What to say (at most 2,000 characters). A blank reply is refused.")
    String text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = story.cli.open()) {
            StoryThread thread = app.desk().reply(app.user(), id, text);
            out.println("replied on " + id + " (" + thread.entries().size() + " on the thread)");
        }
        return 0;
    }
}
