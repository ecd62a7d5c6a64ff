package org.wiredesk.app.cli;

import java.time.Instant;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.Story;
import org.wiredesk.story.Timing;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "embargo", mixinStandardHelpOptions = true,
        description = {"Embargoes a story not yet run until a time, moves its embargo, or lifts it (desk chief). "
                + "Nothing publishes an embargoed story earlier: not the desk, not 'publish', not the database "
                + "for any member's own SQL. An embargo the source states in its feed arrives with the story.",
                "Times: 2026-11-28T06:00Z, 2026-11-28T06:00+01:00, or 2026-11-28 06:00 on this workstation's "
                        + "clock."})
final class EmbargoCommand extends StoryStep {
    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--until", paramLabel = "TIME", converter = WhenConverter.class,
                description = "Embargo the story until this time.")
        Instant until;

        @Option(names = "--lift", description = "Lift the embargo: the story may run as soon as it is approved.")
        boolean lift;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the history), e.g. the agency's note.")
    String reason;

    @Override
    String step(AppContext app) {
        if (what.lift) {
            app.timing().liftEmbargo(app.user(), id, reason);
            return done("embargo lifted on", story(app));
        }
        app.timing().embargo(app.user(), id, what.until, reason);
        return done("embargoed", story(app)) + " until " + Timing.describe(what.until);
    }

    private Story story(AppContext app) {
        return app.desk().story(id);
    }
}
