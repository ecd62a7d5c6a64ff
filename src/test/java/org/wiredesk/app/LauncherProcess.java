package org.wiredesk.app;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java ... Launcher ARGS} in a child JVM, as a person starts WireDesk: nothing configured for Derby's log or
 * JavaFX beyond what the program does itself, its own console captured. With {@link #unprivileged()}, the child
 * is subject to file permissions even when the tests run as root: root ignores them, so the child then runs under
 * {@code setpriv} without the capabilities that bypass them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). A machine that
 * can do neither skips the test that needs it, saying so.
 */
record LauncherProcess(Path workingDirectory, Map<String, String> env, List<String> jvmOptions,
                       boolean withoutPrivileges) {
    record Result(int code, String out, String err) {
    }

    static LauncherProcess in(Path workingDirectory, Map<String, String> env) {
        return new LauncherProcess(workingDirectory, env, List.of(), false);
    }

    LauncherProcess withJvmOptions(String... options) {
        return new LauncherProcess(workingDirectory, env, List.of(options), withoutPrivileges);
    }

    LauncherProcess unprivileged() {
        return new LauncherProcess(workingDirectory, env, jvmOptions, true);
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (withoutPrivileges && permissionsAreIgnored(workingDirectory)) {
            if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
                abort("this test runs as root, which ignores file permissions, and there is no setpriv to drop the "
                        + "capabilities that do so: the permission assertions cannot be made here");
            }
            command.addAll(List.of("/usr/bin/setpriv", "--bounding-set", "-dac_override,-dac_read_search",
                    "--inh-caps", "-dac_override,-dac_read_search"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("WIREDESK_") || k.equals("DISPLAY")
                || k.equals("WAYLAND_DISPLAY") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workingDirectory, ".child-out", ".txt");
        Path err = Files.createTempFile(workingDirectory, ".child-err", ".txt");
        Process child = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 120 s: " + command);
        }
        Result result = new Result(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** Whether this process writes into a folder its permissions forbid (root): a probe, not a user-name guess. */
    static boolean permissionsAreIgnored(Path scratch) throws IOException {
        Path probe = Files.createTempDirectory(scratch, ".permission-probe");
        try {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                Files.delete(Files.createFile(probe.resolve("x")));
                return true;
            } catch (AccessDeniedException e) {
                return false;
            }
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));
            Files.delete(probe);
        }
    }
}
