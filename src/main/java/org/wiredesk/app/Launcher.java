package org.wiredesk.app;

import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.logging.Filter;
import java.util.logging.Logger;
import javafx.application.Application;
import org.wiredesk.app.cli.Cli;
import org.wiredesk.app.cli.Terminal;

/**
 * The entry point: a subcommand runs headless, without touching JavaFX; none opens the desk window. Not an
 * Application, for the jar.
 */
public final class Launcher {
    /** JavaFX's warning when its classes are not the javafx.* modules (see {@link #openDesk}). */
    static final String UNSUPPORTED_CONFIGURATION = "Unsupported JavaFX configuration";

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, System.in, out, err, System.getenv(), Terminal.system(), Launcher::openDesk);
        System.exit(code);
    }

    /**
     * Opens the desk window. JavaFX starts with a warning whenever its classes were loaded from the class path
     * rather than as the javafx.* modules: so it does in the shaded jar, where JavaFX is inside the one jar (there
     * is no module to load it as), and in any run with JavaFX on the class path. That configuration is the one the
     * jar is built for, and it works (the warning is harmless), so this one record is dropped, and only when JavaFX really
     * is on the class path; {@code mvn javafx:run} puts it on the module path and never sees it. Every other JavaFX
     * log record passes.
     */
    static void openDesk(String[] args) {
        Logger javafx = Logger.getLogger("javafx");
        if (!Application.class.getModule().isNamed()) {
            Filter previous = javafx.getFilter();
            javafx.setFilter(record -> !(record.getMessage() != null
                    && record.getMessage().startsWith(UNSUPPORTED_CONFIGURATION))
                    && (previous == null || previous.isLoggable(record)));
        }
        try {
            Application.launch(WireDeskApp.class, args);
        } finally {
            // java.util.logging keeps loggers weakly: this one, and its filter, must outlive JavaFX's startup
            Reference.reachabilityFence(javafx);
        }
    }
}
