package org.wiredesk.app.cli;

import java.time.Instant;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Timing;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Schedules an approved story to run at a time, no earlier than its embargo, or cancels the "
                + "schedule (desk chief). A running desk signed in as a desk chief publishes it when due; so does "
                + "'publish --due' from a timer or cron job. A new approval needs a new schedule.",
                "Times: 2026-11-28T06:00Z, 2026-11-28T06:00+01:00, or 2026-11-28 06:00 on this workstation's "
                        + "clock."})
final class ScheduleCommand extends StoryStep {
    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--at", paramLabel = "TIME", converter = WhenConverter.class,
                description = "Run the story at this time.")
        Instant at;

        @Option(names = "--cancel", description = "Cancel the schedule: the story stays approved.")
        boolean cancel;
    }

    @Override
    String step(AppContext app) {
        if (what.cancel) {
            app.timing().unschedule(app.user(), id);
            return done("schedule cancelled for", app.desk().story(id));
        }
        app.timing().schedule(app.user(), id, what.at);
        return done("scheduled", app.desk().story(id)) + " for " + Timing.describe(what.at);
    }
}
