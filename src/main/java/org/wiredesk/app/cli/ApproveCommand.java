package org.wiredesk.app.cli;

import org.wiredesk.app.AppContext;
import picocli.CommandLine.Command;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approves a submitted story for publication (desk chief).")
final class ApproveCommand extends StoryStep {
    @Override
    String step(AppContext app) {
        app.desk().approve(app.user(), id);
        return done("approved", app.desk().story(id));
    }
}
