package org.wiredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wiredesk.app.cli.Cli;
import org.wiredesk.ingest.Corpus;

/**
 * Issue 12, point 10: the command line tells the truth. Each behaviour through the real command line (Cli's entry
 * point, or Launcher in a child JVM where the console itself is the point) on a real Derby store in a temp folder.
 */
class CommandLineTruthTest {
    private static final String PASSWORD = "secret-chief";

    @TempDir
    Path home;

    private Path store;

    private record Run(int code, String out, String err) {
    }

    /** Runs the command line in this JVM as the owner, chief, with WIREDESK_HOME = home. */
    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--user", "chief"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env(),
                gui -> {
                    throw new AssertionError("no window in a command-line test");
                });
        return new Run(code, out.toString(), err.toString());
    }

    private Map<String, String> env() {
        return Map.of("WIREDESK_HOME", home.toString(), "WIREDESK_PASSWORD", PASSWORD);
    }

    private LauncherProcess child(Path workingDirectory) {
        return LauncherProcess.in(workingDirectory, env());
    }

    /** The arguments naming this test's store and its owner, then these. */
    private String[] asChief(Path at, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", at.toString(), "--user", "chief"));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @BeforeEach
    void createTheDesk() {
        store = home.resolve("desks").resolve("store");
        Run init = run("--store", store.toString(), "init", "--owner", "chief", "--one-person-desk");
        assertThat(init.code()).as(init.err()).isZero();
    }

    @AfterEach
    void makeEverythingWritableAgain() throws IOException {
        // a folder left read-only would stop JUnit from deleting the temp folder
        try (Stream<Path> all = Files.walk(home)) {
            for (Iterator<Path> i = all.iterator(); i.hasNext(); ) {
                Path p = i.next();
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    private static void readOnly(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "r-x------" : "r--------"));
            }
        }
    }

    private static void assertOneSentence(String err) {
        assertThat(err.strip().lines().toList()).as(err).hasSize(1);
        assertThat(err).as(err).startsWith("wiredesk: ").doesNotContain("Exception", "\tat ", "Derby (version",
                "see the next exception", "----");
    }

    @Test
    void aReadOnlyStoreIsOneSentenceWithExit2AndNoDerbyLogOnTheConsole() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        readOnly(store);
        LauncherProcess.Result list = child(work).unprivileged().run(asChief(store, "list"));
        assertThat(list.code()).as(list.err()).isEqualTo(2);
        assertOneSentence(list.err());
        assertThat(list.err()).contains("The store at " + store.toAbsolutePath() + " is read-only")
                .contains("permission denied");
        assertThat(list.out()).isEmpty();

        // the folder holding the store read-only too: Derby's log has nowhere beside it to go, and still not here
        readOnly(store.getParent());
        LauncherProcess.Result ingest = child(work).unprivileged().run(asChief(store, "ingest",
                Corpus.path("feeds/rome/rss_2.0.xml").toString()));
        assertThat(ingest.code()).as(ingest.err()).isEqualTo(2);
        assertOneSentence(ingest.err());
        assertThat(ingest.err()).contains("is read-only");
        assertThat(work.resolve("derby.log")).doesNotExist();
    }

    @Test
    void aStoreWithAnEmptiedServicePropertiesIsOneSentenceAndDerbysLogGoesBesideIt() throws Exception {
        Path damaged = copyOfTheStore("damaged");
        Files.writeString(damaged.resolve("service.properties"), "");
        assertDamagedIsOneSentence(damaged);
    }

    @Test
    void aStoreWithTruncatedDataFilesIsOneSentenceAndDerbysLogGoesBesideIt() throws Exception {
        Path damaged = copyOfTheStore("truncated");
        try (Stream<Path> files = Files.list(damaged.resolve("seg0"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".dat")).toList()) {
                Files.write(f, new byte[0]);
            }
        }
        assertDamagedIsOneSentence(damaged);
    }

    private void assertDamagedIsOneSentence(Path damaged) throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        LauncherProcess.Result list = child(work).run(asChief(damaged, "list"));
        assertThat(list.code()).as(list.err()).isEqualTo(1);
        assertOneSentence(list.err());
        assertThat(list.err()).contains("The store at " + damaged.toAbsolutePath() + " is damaged and cannot be opened")
                .contains("restore --from");
        assertThat(damaged.resolveSibling("derby.log")).exists();
        assertThat(Files.readString(damaged.resolveSibling("derby.log"))).contains(damaged.toAbsolutePath().toString());
        assertThat(work.resolve("derby.log")).doesNotExist();
    }

    private Path copyOfTheStore(String name) throws IOException {
        Path copy = home.resolve("copies").resolve(name);
        try (Stream<Path> all = Files.walk(store)) {
            for (Path p : all.toList()) {
                Path to = copy.resolve(store.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }

    @Test
    void derbysLogGoesBesideTheStoreNeverIntoTheCurrentFolder() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Files.deleteIfExists(store.resolveSibling("derby.log"));
        LauncherProcess.Result list = child(work).run(asChief(store, "list"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).isEmpty();
        assertThat(work.resolve("derby.log")).doesNotExist();
        assertThat(store.resolveSibling("derby.log")).exists();
    }

    @Test
    void anUnwritableOutOrBackupFolderIsPermissionDeniedWithExit2() throws Exception {
        Path locked = Files.createDirectories(home.resolve("locked"));
        readOnly(locked);
        LauncherProcess unprivileged = child(home).unprivileged();
        LauncherProcess.Result publish = unprivileged.run(asChief(store, "publish", "--out",
                locked.resolve("site").toString()));
        assertThat(publish.code()).as(publish.err()).isEqualTo(2);
        assertOneSentence(publish.err());
        assertThat(publish.err()).contains("--out: permission denied: " + locked.resolve("site"));

        LauncherProcess.Result backup = unprivileged.run(asChief(store, "backup", "--to", locked.toString()));
        assertThat(backup.code()).as(backup.err()).isEqualTo(2);
        assertOneSentence(backup.err());
        assertThat(backup.err()).contains("--to: permission denied: " + locked);
        try (Stream<Path> inside = Files.list(locked)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aMissingPathIsNoSuchFolderOrFileWithExit2() throws IOException {
        Path nowhere = home.resolve("nowhere");
        Path file = Files.writeString(home.resolve("a-file.txt"), "not a folder");

        Run restore = run("--store", home.resolve("new-store").toString(), "restore", "--from", nowhere.toString());
        assertThat(restore.code()).as(restore.err()).isEqualTo(2);
        assertOneSentence(restore.err());
        assertThat(restore.err()).contains("--from: no such folder: " + nowhere);

        Run verify = run("--store", store.toString(), "verify", "--site", nowhere.toString());
        assertThat(verify.code()).isEqualTo(2);
        assertThat(verify.err()).contains("--site: no such folder: " + nowhere);

        Run style = run("--store", store.toString(), "style", "--set", nowhere.resolve("rules.txt").toString());
        assertThat(style.code()).isEqualTo(2);
        assertThat(style.err()).contains("--set: no such file: " + nowhere.resolve("rules.txt"));

        Run backup = run("--store", store.toString(), "backup", "--to", file.resolve("backups").toString());
        assertThat(backup.code()).isEqualTo(2);
        assertOneSentence(backup.err());
        assertThat(backup.err()).contains("--to: no such folder: " + file.resolve("backups"));

        Run extract = run("extract", nowhere.resolve("page.html").toString());
        assertThat(extract.code()).isEqualTo(2);
        assertOneSentence(extract.err());
        assertThat(extract.err()).contains("no such file or folder: " + nowhere.resolve("page.html"));
    }

    @Test
    void extractKeysCollidingFileNamesByTheirPathRelativeToTheCurrentFolder() throws Exception {
        Path work = Files.createDirectories(home.resolve("pages"));
        List<String> pages = List.of("aclu", "ars-1", "bbc-1");
        List<String> folders = List.of("a", "b", "c");
        for (int i = 0; i < 3; i++) {
            Files.copy(Corpus.path("readability/pages/" + pages.get(i) + "/source.html"),
                    Files.createDirectories(work.resolve(folders.get(i))).resolve("source.html"));
        }
        Files.copy(Corpus.path("readability/pages/aclu/source.html"), work.resolve("other.html"));
        LauncherProcess.Result extract = child(work).run("extract", "a/source.html", "b/source.html",
                "c/source.html", "other.html");
        assertThat(extract.code()).as(extract.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(extract.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("a/source.html", "b/source.html", "c/source.html", "other");
        assertThat(json.get("a/source.html").get("headline").asText())
                .isNotEqualTo(json.get("b/source.html").get("headline").asText());
        assertThat(json.get("other").get("headline").asText())
                .isEqualTo(json.get("a/source.html").get("headline").asText());
    }

    @Test
    void listPrintsAHeaderAndMarksCutSourceNamesWithAnEllipsisWhileJsonKeepsTheWholeName() throws IOException {
        Run ingest = run("--store", store.toString(), "ingest",
                Corpus.path("readability/pages/aclu/source.html").toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();
        Run list = run("--store", store.toString(), "list");
        assertThat(list.code()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).matches("\\s+ID\\s+STATUS\\s+RECEIVED \\(UTC\\)\\s+SOURCE\\s+HEADLINE");
        String source = "American Civil Liberties Union";
        assertThat(lines.get(1)).contains(source.substring(0, 23) + "…").doesNotContain(source);
        // the header's columns are the rows' columns
        assertThat(lines.get(1).indexOf(source.substring(0, 23))).isEqualTo(lines.get(0).indexOf("SOURCE"));
        assertThat(lines.get(2)).isEqualTo("1 stories");

        JsonNode json = new ObjectMapper().readTree(run("--store", store.toString(), "list", "--json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("source").asText()).isEqualTo(source);
    }

    @Test
    void optionValuesAreCaseInsensitive() throws IOException {
        run("--store", store.toString(), "ingest", Corpus.path("feeds/rome/rss_2.0.xml").toString());
        Run lower = run("--store", store.toString(), "list", "--status", "new", "--json");
        assertThat(lower.code()).as(lower.err()).isZero();
        Run upper = run("--store", store.toString(), "list", "--status", "NEW", "--json");
        assertThat(new ObjectMapper().readTree(lower.out()).size()).isPositive()
                .isEqualTo(new ObjectMapper().readTree(upper.out()).size());
        Run approved = run("--store", store.toString(), "list", "--status", "approved");
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).isEqualTo("0 stories" + System.lineSeparator());
        Run role = run("--store", store.toString(), "users", "--add", "maria", "--role", "copy_editor,Editor",
                "--password-stdin");
        assertThat(role.err()).doesNotContain("Invalid value");
    }

    @Test
    void helpWorksAsACommandForTheToolAndForEachCommand() {
        Run help = run("help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: wiredesk", "help", "list", "publish");
        Run list = run("help", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("Usage: wiredesk list", "--status");
    }

    @Test
    void theCommandLineNeverStartsJavaFxAndSaysNothingAboutIt() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Path classes = work.resolve("classes.log");
        LauncherProcess.Result list = child(work).withJvmOptions("-Xlog:class+load=info:file=" + classes)
                .run(asChief(store, "list"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).doesNotContain("JavaFX");
        String loaded = Files.readString(classes);
        assertThat(loaded).contains("org.wiredesk.app.cli.ListCommand")
                .doesNotContain("com.sun.javafx.application.PlatformImpl", "javafx.application.Application ");
    }

    @Test
    void theDeskStartsJavaFxWithoutTheUnsupportedConfigurationWarning() throws Exception {
        // no display here (the child's DISPLAY is unset): JavaFX starts, warns if it is going to, then stops
        Path work = Files.createDirectories(home.resolve("work"));
        LauncherProcess.Result desk = child(work).run(asChief(store));
        assertThat(desk.err()).as(desk.err()).doesNotContain(Launcher.UNSUPPORTED_CONFIGURATION);
        assertThat(desk.code()).isEqualTo(1);
        assertOneSentence(desk.err());
        assertThat(desk.err()).contains("needs a display");
    }

    @Test
    void aStoresSiteFolderIsBesideItSoTwoStoresNeverShareOne() throws IOException {
        Path wire = home.resolve("desks").resolve("wire");
        assertThat(run("--store", wire.toString(), "init", "--owner", "chief", "--one-person-desk").code()).isZero();
        run("--store", wire.toString(), "ingest", Corpus.path("readability/pages/aclu/source.html").toString());
        String id = new ObjectMapper().readTree(run("--store", wire.toString(), "list", "--json").out()).get(0)
                .get("id").asText();
        for (String[] step : List.of(new String[] {"retitle", id, "Tracked without an account"},
                new String[] {"submit", id}, new String[] {"approve", id},
                new String[] {"publish", "--out", home.resolve("explicit").toString()},
                new String[] {"correct", id, "--headline", "Tracked without any account", "--reason", "wording",
                        "--out", home.resolve("explicit").toString()})) {
            List<String> args = new ArrayList<>(List.of("--store", wire.toString()));
            args.addAll(List.of(step));
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", step) + ": " + r.err()).isZero();
        }
        assertThat(home.resolve("explicit").resolve("index.html")).isRegularFile();
        // without --out, correct and kill use the store's own site folder: wire-site beside it, not the home's
        Run kill = run("--store", wire.toString(), "kill", id, "--reason", "withdrawn");
        assertThat(kill.code()).isEqualTo(1);
        assertThat(kill.err()).contains("is not in " + home.resolve("desks").resolve("wire-site").toAbsolutePath());
        assertThat(home.resolve("site")).doesNotExist();
    }
}
