package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wiredesk publish --out DIR}: a whole site in DIR, or one sentence and exit 2 when DIR cannot be written. */
class PublishCommandTest {
    private static final String CHIEF = "chief";

    @TempDir
    Path home;

    private CliRun run(String... args) {
        return CliRun.run(home, home.resolve("store").toString(), CHIEF, "secret-chief", "", args);
    }

    @BeforeEach
    void createTheDesk() throws IOException {
        CliRun init = run("init", "--owner", CHIEF, "--one-person-desk");
        assertThat(init.code()).as(init.err()).isZero();
        CliRun ingest = run("ingest", CliRun.demo(home, "council-budget.html").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
    }

    @Test
    void publishingIntoAnEmptyFolderWritesAWholeSiteEvenWithNothingApproved() {
        Path out = home.resolve("out");
        CliRun publish = run("publish", "--out", out.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("note: the site's base URL is not set").endsWith("0 published"
                + System.lineSeparator());
        for (String file : new String[] {"index.html", "feed.xml", "atom.xml", "sitemap.xml", "site.css",
                "desk-key.pem"}) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedInOneSentenceWithExitTwo() throws IOException {
        Path locked = Files.createDirectory(home.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(locked)) {
            // root writes through any mode; the kernel's own folders refuse even root
            locked = Path.of("/sys/kernel");
            assumeTrue(Files.isDirectory(locked), "no folder here refuses this user");
        }
        CliRun publish = run("publish", "--out", locked.toString());
        assertThat(publish.code()).isEqualTo(2);
        assertThat(publish.err()).isEqualTo("wiredesk: --out: permission denied: " + locked
                + System.lineSeparator());
        assertThat(publish.out()).isEmpty();
    }
}
