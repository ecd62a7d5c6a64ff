package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import org.wiredesk.story.Action;
import org.wiredesk.story.Status;
import org.wiredesk.story.Story;
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
        sendBack(app);
        return done("sent back", app.desk().story(id));
    }

    /**
     * STOPGAP until DeskService has {@code sendBack(User chief, StoryId id, String reason)}: every other step goes
     * through the service. This does what DeskService's private {@code move} does: the workflow checks role, status
     * and reason, then the repository records the move (refusing it if the story moved meanwhile).
     */
    private void sendBack(AppContext app) {
        Story story = app.desk().story(id);
        Status target = Action.SEND_BACK.apply(story.status(), app.user(), reason);
        app.workflow().transition(id, story.status(), target, app.user().username(), reason.strip(),
                app.clock().instant());
    }
}
