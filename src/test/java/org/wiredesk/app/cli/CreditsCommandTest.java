package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.ingest.Corpus;

/**
 * {@code wiredesk credits [--set AGENCY URL]}: a real dpa NewsML-G2 item has no web page of its own, so it is not
 * approved until dpa has a credit address; then it is, and its page and {@code verify} carry that address.
 */
class CreditsCommandTest {
    private static final String CHIEF = "chief";

    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-" + CHIEF, "", args);
    }

    private void ok(String... args) {
        CliRun r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }

    @Test
    void anAgencyItemIsApprovedOnceItsAgencyHasACreditAddress() throws Exception {
        ok("init", "--owner", CHIEF, "--one-person-desk");
        ok("ingest", Corpus.path("agency/newsml-g2/dpa/with_dateline.xml").toString());
        ok("retitle", "1", "Desk headline for the dpa report");
        ok("submit", "1");

        CliRun refused = run("approve", "1");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("no credit address is set for «");
        assertThat(run("credits").out()).contains("none: 1 story without a web page cannot be approved");

        CliRun set = run("credits", "--set", "dpa", "https://www.dpa.com/en");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("credit address of dpa: https://www.dpa.com/en");
        assertThat(run("credits", "--set", "dpa", "ftp://dpa.example").err())
                .contains("not an absolute http or https address");
        ok("approve", "1");
        Path site = home.resolve("site");
        ok("publish", "--out", site.toString());

        try (var pages = Files.walk(site.resolve("stories"))) {
            Path page = pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
            assertThat(Files.readString(page)).contains("href=\"https://www.dpa.com/en\"")
                    .contains("no web page of its own").doesNotContain("rel=\"canonical\"");
        }
        CliRun verify = run("verify", "--site", site.toString());
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(run("credits").out()).contains("https://www.dpa.com/en  (set by chief)");
    }
}
