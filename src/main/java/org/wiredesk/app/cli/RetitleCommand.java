package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import org.wiredesk.story.Claim;
import org.wiredesk.story.Story;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "retitle", mixinStandardHelpOptions = true,
        description = {"Saves a house headline draft for a story (copy editor). The body is never changed.",
                "Claims the story for the save and releases it after, unless you already held it; refused while "
                        + "someone else holds the claim."})
final class RetitleCommand extends StoryStep {
    @Parameters(index = "1", paramLabel = "HEADLINE", description = "The new house headline.")
    String headline;

    @Override
    String step(AppContext app) {
        DeskService desk = app.desk();
        User user = app.user();
        boolean heldBefore = desk.claimOn(id).map(c -> c.username().equals(user.username())).orElse(false);
        Claim claim = desk.claim(user, id);
        boolean ours = claim.username().equals(user.username());
        try {
            // with someone else's claim, saveDraft refuses and names who holds it
            Story story = desk.saveDraft(user, id, headline);
            return done("retitled", story);
        } finally {
            if (ours && !heldBefore) {
                desk.release(user, id);
            }
        }
    }
}
