package org.wiredesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import org.wiredesk.app.AppContext;
import org.wiredesk.publish.DeskVerifier;
import org.wiredesk.publish.PageCheck;
import org.wiredesk.publish.PageVerifier;
import org.wiredesk.publish.PemKeys;
import org.wiredesk.store.HistoryAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Proves the desk's promises held: the history chain is whole, every body matches its ingest "
                + "fingerprints, every publication carried that body, every published body can be derived again "
                + "from the original it was ingested from (stories from before the archive are counted), and (with "
                + "--site) every page is the one its record describes, signed with the desk's key. Prints what it "
                + "checked; exits 0 when all holds, 1 naming each break.",
                "With --page, checks one page with nothing but the desk's public key (no store, no sign-in)."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "Also check every page in this site folder.")
    Path site;

    @Option(names = "--page", paramLabel = "FILE", description = "Check this one page only.")
    Path page;

    @Option(names = "--key", paramLabel = "PEM", description = {"The desk's public key for --page (default: "
            + "desk-key.pem in the page's folder or the folders above it)."})
    Path key;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (page != null) {
            return checkPage(out);
        }
        if (site != null) {
            PathProblem.readableFolder("--site", site);
        }
        try (AppContext app = cli.open()) {
            DeskVerifier.Report report = new DeskVerifier(app.stories(), app.workflow(),
                    new HistoryAudit(app.database()), app.keys(),
                    new org.wiredesk.store.CreditRepository(app.database())).verify(site);
            report.checked().forEach(line -> out.println("checked " + line));
            report.notes().forEach(line -> out.println("note: " + line));
            report.breaks().forEach(line -> out.println("BROKEN: " + line));
            out.println(report.holds() ? "all holds" : report.breaks().size() + " break"
                    + (report.breaks().size() == 1 ? "" : "s") + " found");
            return report.holds() ? 0 : 1;
        }
    }

    private int checkPage(PrintWriter out) throws IOException {
        PathProblem.readableFile("--page", page);
        if (key != null) {
            PathProblem.readableFile("--key", key);
        }
        Path pem = key != null ? key : findKey(page.toAbsolutePath().getParent());
        if (pem == null || !Files.isRegularFile(pem)) {
            throw new ParameterException(spec.commandLine(), "--key: no desk-key.pem found for " + page
                    + "; give the desk's public key with --key");
        }
        PublicKey desk = PemKeys.readPublicKey(pem);
        PageCheck check = new PageVerifier().check(Files.readString(page), desk);
        check.differences().forEach(d -> out.println("BROKEN: " + d));
        out.println(check.verified() ? "the page is the desk's, unchanged (key " + pem + ")"
                : check.differences().size() + " difference" + (check.differences().size() == 1 ? "" : "s")
                        + " found");
        return check.verified() ? 0 : 1;
    }

    private static Path findKey(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("desk-key.pem"))) {
                return p.resolve("desk-key.pem");
            }
        }
        return null;
    }
}
