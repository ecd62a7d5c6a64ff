package org.wiredesk.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The group of commands about one story; not runnable itself, so 'wiredesk story' alone is a usage error. */
@Command(name = "story", mixinStandardHelpOptions = true,
        subcommands = {StoryShowCommand.class, StoryReplyCommand.class, StoryBlocksCommand.class},
        description = "Commands about one story: 'story show ID', 'story reply ID --text TEXT', "
                + "'story blocks ID [--use 0,1,3-7]'.")
final class StoryCommand {
    @ParentCommand
    Cli cli;
}
