package org.wiredesk.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wiredesk.app.AppContext;

/**
 * One run of the command line in this process, as a member would type it: its exit code and what it printed. The
 * one way the command-line tests invoke it; no window may open.
 */
record CliRun(int code, String out, String err) {
    /**
     * Runs {@code --store STORE --user USER ARGS} with {@code WIREDESK_HOME} = home, the member's password in
     * {@code WIREDESK_PASSWORD} (none when null) and this standard input.
     */
    static CliRun run(Path home, String store, String user, String password, String input, String... args) {
        List<String> all = new ArrayList<>(List.of("--store", store, "--user", user));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("WIREDESK_HOME", home.toString()));
        if (password != null) {
            env.put("WIREDESK_PASSWORD", password);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), env, Terminal.NONE, gui -> {
                    throw new AssertionError("no window in a command-line test");
                });
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A demo wire file (the app's own resources) copied into {@code home}, to ingest. */
    static Path demo(Path home, String name) throws IOException {
        Path file = home.resolve(name);
        try (InputStream in = AppContext.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IOException("no demo file " + name);
            }
            Files.copy(in, file);
        }
        return file;
    }
}
