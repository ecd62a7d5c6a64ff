package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.BlockChoice;
import org.wiredesk.story.StoryId;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.workflow.BlockChoices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "blocks", mixinStandardHelpOptions = true,
        description = {"Lists the blocks of the story's archived original: each block's number, whether the body "
                + "holds it ('*'), and its first words.",
                "With --use: makes exactly these blocks the story's body, a new version derived from the archive "
                        + "with the choice recorded (copy editor, before submission; a story another member holds is "
                        + "refused, a free one is claimed for the choice and let go). Words are never edited: a block "
                        + "is taken whole or left out."})
final class StoryBlocksCommand implements Callable<Integer> {
    private static final int FIRST_WORDS = 72;

    @ParentCommand
    StoryCommand story;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = StoryIdConverter.class,
            description = "The story's id (see 'list').")
    StoryId id;

    @Option(names = "--use", paramLabel = "BLOCKS",
            description = "The blocks that form the body, by number: 0,1,3-7.")
    String use;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Integer> chosen = null;
        if (use != null) {
            try {
                chosen = BlockChoice.parseIndexes(use);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--use: " + e.getMessage());
            }
        }
        try (AppContext app = story.cli.open()) {
            app.desk().story(id); // a story that is not there is told as the other commands tell it
            BlockChoices blocks = new BlockChoices(app.stories(), app.desk(), app.clock());
            if (chosen != null) {
                blocks.choose(app.user(), id, chosen);
                out.println("story " + id + "'s body is now blocks " + BlockChoice.indexesText(chosen)
                        + " of its original");
            }
            print(blocks.blocks(id), out);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(e.getMessage());
        }
        return 0;
    }

    private void print(BlockChoices.Blocks blocks, PrintWriter out) {
        out.println("Story " + id + ": " + blocks.blocks().size() + " blocks in its original (SHA-256 "
                + blocks.sha256() + "), " + blocks.inBody().size() + " in the body"
                + blocks.chosen().map(c -> ", chosen by " + c.chosenBy() + " at " + c.chosen())
                        .orElse(", as ingest made it"));
        int width = String.valueOf(Math.max(0, blocks.blocks().size() - 1)).length();
        for (BlockChoices.Block b : blocks.blocks()) {
            out.println(String.format("%" + width + "d %s %s", b.index(), b.inBody() ? "*" : " ", firstWords(b.text())));
        }
    }

    static String firstWords(String text) {
        if (text.length() <= FIRST_WORDS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', FIRST_WORDS);
        return text.substring(0, cut > FIRST_WORDS / 2 ? cut : FIRST_WORDS) + "…";
    }
}
