package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.story.CreditAddress;
import org.wiredesk.workflow.Credits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "credits", mixinStandardHelpOptions = true,
        description = "Lists the agencies' credit addresses: the web address printed under an agency's stories that "
                + "have no web page of their own (an agency's NewsML-G2 or ninjs item, a file), and the agencies that "
                + "need one. With --set, sets one (an editor or a desk chief); stories approved before keep theirs.")
final class CreditsCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", arity = "2", paramLabel = "AGENCY URL", hideParamSyntax = true,
            description = "Set AGENCY's credit address (as its stories name the agency) to URL, an http(s) address.")
    String[] set;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            Credits credits = app.desk().credits();
            if (set != null) {
                CreditAddress kept = credits.set(app.user(), set[0], set[1]);
                out.println("credit address of " + kept.sourceName() + ": " + kept.address()
                        + " (for stories approved from now on)");
                return 0;
            }
            Map<String, CreditAddress> inForce = credits.allInForce();
            Map<String, Integer> without = credits.agenciesWithoutWebPages();
            inForce.values().forEach(c -> out.printf("%-24s  %s  (set by %s)%n", c.sourceName(), c.address(),
                    c.author()));
            without.forEach((agency, count) -> {
                if (credits.inForce(agency).isEmpty()) {
                    out.printf("%-24s  none: %d %s without a web page cannot be approved%n", agency, count,
                            count == 1 ? "story" : "stories");
                }
            });
            if (inForce.isEmpty() && without.isEmpty()) {
                out.println("no credit address set, and none needed: every story has a web page of its own");
            }
        }
        return 0;
    }
}
