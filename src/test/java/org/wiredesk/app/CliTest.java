package org.wiredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.cli.Cli;
import org.wiredesk.ingest.Corpus;
import org.wiredesk.story.Fingerprint;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.TestDesk;

class CliTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    /** Runs a command as the desk's owner, chief (the password comes from WIREDESK_PASSWORD). */
    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--user", "chief"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("WIREDESK_HOME", home.toString(), "WIREDESK_PASSWORD", "secret-chief"),
                gui -> {
                    throw new AssertionError("no window in a command-line test");
                });
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void createTheDesk() {
        Run init = run("--store", store(), "init", "--owner", "chief", "--one-person-desk");
        assertThat(init.code()).as(init.err()).isZero();
    }

    private String store() {
        return home.resolve("store").toString();
    }

    @Test
    void ingestPrintsALinePerSourceAndASummaryThenListPrintsJson() throws IOException {
        String page = Corpus.path("readability/pages/aclu/source.html").toString();
        String feed = Corpus.path("feeds/rome/rss_2.0.xml").toString();
        Run ingest = run("--store", store(), "ingest", page, feed);
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.out().lines().toList()).hasSize(3);
        assertThat(ingest.out()).contains("source.html [page]: 1 new").containsPattern("\\d+ new, 0 duplicate, 0 rejected");

        Run list = run("list", "--json", "--store", store());
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(list.out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.size()).isGreaterThan(1);
        for (JsonNode row : rows) {
            for (String field : List.of("id", "status", "source", "url", "agencyHeadline", "houseHeadline",
                    "received", "bodySha256", "bodyHtml")) {
                assertThat(row.has(field)).as(field).isTrue();
            }
            assertThat(row.get("status").asText()).isEqualTo("NEW");
            assertThat(row.get("bodySha256").asText()).isEqualTo(Fingerprint.ofText(
                    org.jsoup.Jsoup.parseBodyFragment(row.get("bodyHtml").asText()).text()));
        }
        Run again = run("--store", store(), "ingest", page);
        assertThat(again.out()).contains("0 new, 1 duplicate, 0 rejected");
    }

    @Test
    void listFiltersByStatus() throws IOException {
        run("--store", store(), "ingest", Corpus.path("feeds/rome/rss_2.0.xml").toString());
        JsonNode approved = new ObjectMapper().readTree(run("--store", store(), "list", "--status", "APPROVED",
                "--json").out());
        assertThat(approved.size()).isZero();
    }

    @Test
    void publishWritesEveryApprovedStorysPage() throws IOException {
        // the owner holds every role, and this is a one-person desk
        run("--store", store(), "ingest",
                Corpus.path("readability/pages/aclu/source.html").toString());
        try (AppContext app = AppContext.open(Database.embedded(home.resolve("store"),
                new Credentials("chief", "secret-chief".toCharArray())), home.resolve("site"),
                Clock.systemUTC())) {
            var id = app.stories().findAll(List.of()).get(0).id();
            app.desk().submit(app.user(), id, "Tracked without an account", null);
            app.desk().approve(app.user(), id);
        }
        Path out = home.resolve("out");
        Run publish = run("--store", store(), "publish", "--out", out.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("1 published");
        List<Path> pages;
        try (var files = Files.list(out.resolve("stories"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).singleElement().satisfies(p ->
                assertThat(Files.readString(p)).contains("Tracked without an account")
                        .contains("American Civil Liberties Union"));
        assertThat(out.resolve("index.html")).exists();
        // on a one-person desk the owner approved their own headline: the history says so
        JsonNode shown = new ObjectMapper().readTree(run("--store", store(), "story", "show",
                pages.get(0).getFileName().toString().replaceAll("-.*", ""), "--json").out());
        assertThat(shown.get("approval").get("selfApproved").asBoolean()).isTrue();
        assertThat(run("--store", store(), "verify").out()).contains("note: story").contains("one-person desk");
    }

    @Test
    void helpIsThereForTheToolAndEverySubcommand() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("ingest", "list", "publish", "--store");
        for (String sub : List.of("ingest", "list", "publish", "quarantine", "users")) {
            Run r = run(sub, "--help");
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).as(sub).contains("Usage: wiredesk " + sub);
        }
    }

    @Test
    void badArgumentsAndUnreadablePathsExitNonZeroWithAOneLineReason() {
        Run unknown = run("frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        Run missing = run("--store", store(), "ingest", home.resolve("nope.xml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or folder");
        Run noOut = run("--store", store(), "publish");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }

    @Test
    void aStoreLockedByAnotherProcessExitsWithCode3AndSaysSo() throws Exception {
        Path dir = home.resolve("locked-store");
        try (Database held = TestDesk.inDirectory(dir, false).owner();
             var connection = held.connect()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"),
                    "-Dderby.stream.error.file=" + home.resolve("derby-child.log"),
                    Launcher.class.getName(), "--store", dir.toString(), "list"));
            Process child = new ProcessBuilder(command).redirectErrorStream(false).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(err).isEqualTo(Cli.STORE_LOCKED);
            assertThat(err).contains("already open in another");
            assertThat(err.strip().lines().filter(l -> l.startsWith("wiredesk:")).count()).isEqualTo(1);
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void styleCheckNamesEverySlipWithItsFixAndExitsOneOnAnError() {
        Run bad = run("--store", store(), "style", "--check", "Minister slams critics in Teheran.");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("“slams” is banned").contains("→ Minister slams critics in Tehran.")
                .contains("→ Minister slams critics in Teheran").contains("3 issues");
        Run good = run("--store", store(), "style", "--check", "Minister meets critics in Tehran");
        assertThat(good.code()).as(good.out()).isZero();
        assertThat(good.out()).contains("no issues");
    }
}
