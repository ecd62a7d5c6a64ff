package org.wiredesk.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javafx.application.Application;
import org.wiredesk.app.cli.Cli;
import org.wiredesk.app.cli.Terminal;

/** The entry point: a subcommand runs headless; none opens the desk window. Not an Application, for the jar. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, System.in, out, err, System.getenv(), Terminal.system(),
                guiArgs -> Application.launch(WireDeskApp.class, guiArgs));
        System.exit(code);
    }
}
