package org.wiredesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the Debian package that {@code mvn -B -Pinstaller verify} builds (docs/install.md, ADR 23): what it carries,
 * read with dpkg-deb, and the launcher run from a copy unpacked with {@code dpkg-deb -x} into a temporary root.
 */
class DebianPackageIT {
    private static final String APP = "opt/wiredesk";
    private static final String JAVAFX_WARNING = "Unsupported JavaFX configuration";
    private static final String PASSWORD = "correct-horse-battery-9";

    @TempDir
    static Path root;

    private static Path deb;
    private static List<String> contents;

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void unpackThePackage() throws IOException {
        Path dir = Path.of(property("wiredesk.installer.dir"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            assertThat(debs).as("the one .deb under %s (built by mvn -B -Pinstaller -DskipTests verify)", dir)
                    .hasSize(1);
            deb = debs.get(0);
        }
        requireTool("dpkg-deb", "Debian, Ubuntu: apt-get install dpkg");
        contents = Arrays.asList(ok(run(List.of("dpkg-deb", "--contents", deb.toString()), Map.of())).out()
                .split("\n"));
        ok(run(List.of("dpkg-deb", "--extract", deb.toString(), root.toString()), Map.of()));
    }

    @Test
    void theControlFileNamesThePackageItsVersionAndTheGtkLibrariesTheWindowNeeds() {
        Map<String, String> control = fields(ok(run(List.of("dpkg-deb", "--field", deb.toString(),
                "Package", "Version", "Depends", "Section"), Map.of())).out());
        String version = property("wiredesk.installer.version");

        assertThat(control).containsEntry("Package", "wiredesk").containsEntry("Version", version + "-1")
                .containsEntry("Section", "news");
        assertThat(property("wiredesk.project.version").replace("-SNAPSHOT", ""))
                .as("installer.version in pom.xml follows the project's version").isEqualTo(version);
        assertThat(control.get("Depends").split(",\\s*"))
                .as("the window's GTK, the desktop entry's xdg-utils")
                .contains("libgtk-3-0", "xdg-utils", "libx11-6");
    }

    @Test
    void thePackageCarriesTheLauncherTheRuntimeWithJavaFxsLibrariesAndTheDesktopEntry() {
        assertThat(entry("./" + APP + "/bin/wiredesk")).as("the launcher, executable").startsWith("-rwxr-xr-x");
        assertThat(entry("./" + APP + "/lib/app/wiredesk-app.jar")).isNotNull();
        assertThat(entry("./" + APP + "/lib/app/wiredesk.cfg")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/release")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/lib/modules")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/lib/server/libjvm.so")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/lib/libglass.so")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/lib/libglassgtk3.so")).isNotNull();
        assertThat(entry("./" + APP + "/lib/runtime/lib/libprism_sw.so")).isNotNull();
        assertThat(entry("./" + APP + "/lib/wiredesk-wiredesk.desktop")).isNotNull();
    }

    @Test
    void thePackageCarriesEveryIconFromTheIconsFolderAsItIs() throws IOException {
        List<Path> icons;
        try (Stream<Path> files = Files.list(Path.of(property("wiredesk.icons")))) {
            icons = files.filter(f -> f.getFileName().toString().matches("wiredesk(-\\d+\\.png|\\.svg)")).toList();
        }
        assertThat(icons).as("icons/ holds PNGs in several sizes and the SVG").hasSizeGreaterThanOrEqualTo(2);
        for (Path icon : icons) {
            String name = icon.getFileName().toString();
            assertThat(entry("./" + APP + "/lib/app/icons/" + name)).as(name).isNotNull();
            assertThat(Files.mismatch(icon, root.resolve(APP + "/lib/app/icons/" + name))).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void theDesktopEntryStartsTheInstalledLauncherUnderTheThemeIcon() throws IOException {
        Map<String, String> desktop = fields(Files.readString(root.resolve(APP + "/lib/wiredesk-wiredesk.desktop")));

        assertThat(desktop).containsEntry("Type", "Application").containsEntry("Name", "WireDesk")
                .containsEntry("Exec", "/" + APP + "/bin/wiredesk").containsEntry("Icon", "wiredesk")
                .containsEntry("Terminal", "false");
        assertThat(desktop.get("Categories").split(";")).contains("Network", "News");
    }

    @Test
    void theDesktopEntryPassesDesktopFileValidate() {
        Assumptions.assumeTrue(onPath("desktop-file-validate"),
                "desktop-file-validate is not installed (apt-get install desktop-file-utils): entry not validated");
        Run run = run(List.of("desktop-file-validate", root.resolve(APP + "/lib/wiredesk-wiredesk.desktop")
                .toString()), Map.of());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out() + run.err()).as("errors, warnings and hints").isEmpty();
    }

    @Test
    void installingRegistersEveryIconTheDesktopEntryAndTheCommandOnThePath() throws IOException {
        Path control = home.resolve("control");
        ok(run(List.of("dpkg-deb", "--control", deb.toString(), control.toString()), Map.of()));
        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));

        assertThat(postinst).contains("APP_DIR=/" + APP + "\n",
                "update-alternatives --install /usr/bin/wiredesk wiredesk \"$APP_DIR\"/bin/wiredesk",
                "xdg-icon-resource install", "\"$APP_DIR\"/lib/app/icons/wiredesk-*.png",
                "install -D -m 0644 \"$APP_DIR\"/lib/wiredesk-wiredesk.desktop "
                        + "/usr/share/applications/wiredesk.desktop")
                .as("xdg-desktop-menu fails the install where /etc/xdg/menus is missing")
                .doesNotContainPattern("(?m)^\\s*xdg-desktop-menu");
        assertThat(prerm).contains("APP_DIR=/" + APP + "\n", "update-alternatives --remove wiredesk",
                "rm -f /usr/share/applications/wiredesk.desktop", "xdg-icon-resource uninstall")
                .doesNotContainPattern("(?m)^\\s*xdg-desktop-menu");
        ok(run(List.of("sh", "-n", control.resolve("postinst").toString()), Map.of()));
        ok(run(List.of("sh", "-n", control.resolve("prerm").toString()), Map.of()));
    }

    @Test
    void theRuntimeHoldsJavaFxAsModulesAndTheClassPathHasNoJavaFx() throws IOException {
        Map<String, String> release = fields(Files.readString(root.resolve(APP + "/lib/runtime/release")));
        String config = Files.readString(root.resolve(APP + "/lib/app/wiredesk.cfg"));

        assertThat(release.get("MODULES").replace("\"", "").split(" "))
                .contains("javafx.base", "javafx.graphics", "javafx.controls", "java.sql", "jdk.crypto.ec");
        assertThat(config).contains("app.mainclass=org.wiredesk.app.Launcher", "app.classpath=$APPDIR/wiredesk-app.jar")
                .doesNotContainPattern("(?m)^app\\.classpath=.*/javafx-[a-z]+-");
        try (Stream<Path> app = Files.list(root.resolve(APP + "/lib/app"))) {
            assertThat(app.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("javafx-"));
        }
    }

    @Test
    void theInstalledLauncherRunsTheCommandLineOnATemporaryHome() throws IOException {
        Path feed = home.resolve("wire.xml");
        Files.writeString(feed, FEED, StandardCharsets.UTF_8);

        Run version = ok(launcher("--version"));
        Run help = ok(launcher("--help"));
        Run init = ok(launcher("init", "--owner", "olga"));
        Run ingest = ok(launcher("--user", "olga", "ingest", feed.toString()));
        Run list = ok(launcher("--user", "olga", "list"));

        assertThat(version.out()).startsWith("WireDesk ");
        assertThat(help.out()).contains("Usage: wiredesk", "init", "ingest", "list", "publish");
        assertThat(init.out()).contains("Created the store at " + home.resolve("store"));
        assertThat(ingest.out()).contains("2 new, 0 duplicate, 0 rejected");
        assertThat(list.out()).contains("Harbour authority opens a second ferry terminal",
                "Stadtrat beschließt größeren Haushalt für Brücken", "2 stories");
        for (Run run : List.of(version, help, init, ingest, list)) {
            assertThat(run.err()).doesNotContain(JAVAFX_WARNING);
        }
    }

    @Test
    void theInstalledLauncherWithoutArgumentsOpensTheDeskWithJavaFxFromTheRuntime() {
        Map<String, String> env = new HashMap<>(Map.of("WIREDESK_HOME", home.toString(),
                "JAVA_TOOL_OPTIONS", "-Djavafx.verbose=true"));
        // no display on purpose: the toolkit starts (natives loaded, modules checked), then stops at the display
        Run run = run(List.of(root.resolve(APP + "/bin/wiredesk").toString()), env);

        assertThat(run.err()).contains("Unable to open DISPLAY")
                .contains("Loaded " + root.resolve(APP + "/lib/runtime/lib/libglass.so") + " from relative path")
                .doesNotContain(JAVAFX_WARNING).doesNotContain("from resource");
        assertThat(run.code()).isNotZero();
    }

    @Test
    void theInstalledLauncherOpensTheDeskWindowOnADisplayUnderTheDesktopEntrysWindowClass() throws IOException {
        Assumptions.assumeTrue(onPath("xvfb-run") && onPath("xwininfo"),
                "xvfb-run or xwininfo is missing (apt-get install xvfb x11-utils): the window was not opened");
        String desktopClass = fields(Files.readString(root.resolve(APP + "/lib/wiredesk-wiredesk.desktop")))
                .get("StartupWMClass");
        String script = """
                "$0" & app=$!
                for i in $(seq 240); do xwininfo -root -tree | grep -q '"WireDesk — ' && break; sleep 0.5; done
                xwininfo -root -tree
                kill $app
                """;
        Run run = run(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x900x24", "sh", "-c", script,
                root.resolve(APP + "/bin/wiredesk").toString()), Map.of("WIREDESK_HOME", home.toString()));

        assertThat(run.out()).as("the window tree").contains("\"WireDesk — Create this desk\": (\""
                + desktopClass + "\" \"" + desktopClass + "\")");
        assertThat(run.err()).doesNotContain(JAVAFX_WARNING);
    }

    private Run launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve(APP + "/bin/wiredesk").toString()));
        command.addAll(List.of(args));
        return run(command, Map.of("WIREDESK_HOME", home.toString(), "WIREDESK_PASSWORD", PASSWORD));
    }

    /** Runs a program with no display and no inherited Java options; its output and errors are kept apart. */
    private static Run run(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("run", ".out");
            Path err = Files.createTempFile("run", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeAll(List.of("DISPLAY", "WAYLAND_DISPLAY", "JAVA_TOOL_OPTIONS",
                    "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "WIREDESK_HOME", "WIREDESK_PASSWORD"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within 120 s", command);
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Run ok(Run run) {
        assertThat(run.code()).as("exit code; out: %s; err: %s", run.out(), run.err()).isZero();
        return run;
    }

    /** The listing line of a path in the package (dpkg-deb --contents), or null. */
    private static String entry(String path) {
        return contents.stream().filter(line -> line.endsWith(" " + path)).findFirst().orElse(null);
    }

    /** KEY=value and "Key: value" lines, as in desktop entries, the runtime's release file and control fields. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int at = line.indexOf('=') > 0 && (line.indexOf(':') < 0 || line.indexOf('=') < line.indexOf(':'))
                    ? line.indexOf('=') : line.indexOf(':');
            if (at > 0 && !line.startsWith("[") && !line.startsWith("#")) {
                fields.putIfAbsent(line.substring(0, at).trim(), line.substring(at + 1).trim());
            }
        }
        return fields;
    }

    private static void requireTool(String tool, String install) {
        if (!onPath(tool)) {
            fail("%s is not on the PATH, so the package cannot be checked (%s)", tool, install);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            fail("system property %s is not set: run this check with mvn -B -Pinstaller -DskipTests verify", name);
        }
        return value;
    }

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>Installer Test Wire</title>
                <link>https://wire.example/</link>
                <description>Stories written for the package check</description>
                <item>
                  <title>Harbour authority opens a second ferry terminal</title>
                  <link>https://wire.example/2026/ferry-terminal</link>
                  <guid>https://wire.example/2026/ferry-terminal</guid>
                  <pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>
                  <description>&lt;p&gt;The harbour authority opened a second ferry terminal on Friday, doubling \
            the number of daily crossings to the islands.&lt;/p&gt;&lt;p&gt;The terminal took three years to build \
            and cost 40 million euros, the authority said.&lt;/p&gt;</description>
                </item>
                <item>
                  <title>Stadtrat beschließt größeren Haushalt für Brücken</title>
                  <link>https://wire.example/2026/bruecken</link>
                  <guid>https://wire.example/2026/bruecken</guid>
                  <pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate>
                  <description>&lt;p&gt;Der Stadtrat hat am Freitag einen größeren Haushalt für die Sanierung \
            der Brücken beschlossen.&lt;/p&gt;&lt;p&gt;Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre \
            dauern.&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>
            """;
}
