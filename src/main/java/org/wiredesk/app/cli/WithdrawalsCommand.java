package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.ingest.SourceWithdrawals;
import org.wiredesk.store.WithdrawalRepository;
import org.wiredesk.story.SourceWithdrawal;
import org.wiredesk.story.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "withdrawals", mixinStandardHelpOptions = true,
        description = "Lists the stories we ran that their sources withdrew (a source page that answered 404 or 410 "
                + "on a re-check, or a feed's tombstone), with what was seen; kill one with kill ID --reason TEXT. "
                + "With --check, first asks every published story's source page again (an editor or a desk chief).")
final class WithdrawalsCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Re-check every published story's source page now and note what is gone.")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext app = cli.open()) {
            if (check) {
                List<SourceWithdrawals.Finding> found = app.withdrawals().recheck();
                found.forEach(f -> out.println(f.line()));
                out.println(found.size() + " checked, " + found.stream().filter(SourceWithdrawals.Finding::gone).count()
                        + " withdrawn at the source, " + found.stream().filter(f -> f.problem() != null).count()
                        + " could not be checked");
            }
            List<WithdrawalRepository.Noted> noted = app.withdrawn().onPublishedStories();
            for (WithdrawalRepository.Noted n : noted) {
                SourceWithdrawal w = n.withdrawal();
                Story story = app.stories().find(w.story()).orElseThrow();
                out.printf("%5s  %-9s  %s  %s%n       %s (noted by %s)%n", w.story(), story.status().label(),
                        w.mark(ZoneId.systemDefault()), story.runningHeadline().text(), w.detail(), w.notedBy());
            }
            long running = noted.stream().map(n -> n.withdrawal().story()).distinct()
                    .filter(id -> app.stories().find(id).map(s -> s.status() == org.wiredesk.story.Status.PUBLISHED)
                            .orElse(false)).count();
            out.println(running + (running == 1 ? " story" : " stories") + " still running that the source withdrew");
        }
        return 0;
    }
}
