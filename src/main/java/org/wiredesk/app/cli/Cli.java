package org.wiredesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskHome;
import org.wiredesk.store.StoreException;
import org.wiredesk.story.WorkflowException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: with a subcommand WireDesk runs headless; without one it opens the desk. */
@Command(name = "wiredesk", mixinStandardHelpOptions = true, version = "WireDesk 0.1",
        description = "A media-wire desk workstation. Without a command, opens the desk window.",
        subcommands = {IngestCommand.class, ListCommand.class, StoryCommand.class, RetitleCommand.class,
                SubmitCommand.class, ApproveCommand.class, RejectCommand.class, SendBackCommand.class,
                PublishCommand.class, CorrectCommand.class, KillCommand.class, QuarantineCommand.class,
                UsersCommand.class, ServeCommand.class, ExtractCommand.class, SourcesCommand.class, StyleCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed, or the workflow refused the step (the reason follows "
                + "'wiredesk: ' on stderr)", "2:bad arguments, or a path that cannot be read",
                "3:the store is locked by another process"})
public final class Cli implements Callable<Integer> {
    public static final int STORE_LOCKED = 3;

    @Option(names = "--store", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = {"The Derby store directory (default: $WIREDESK_HOME/store or ~/.wiredesk/store),",
                    "or //HOST:PORT/PATH for a store shared with 'wiredesk serve'."})
    String store;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Act as this desk member (default: the operating system user).")
    String user;

    private final Map<String, String> env;
    private final Consumer<String[]> gui;

    Cli(Map<String, String> env, Consumer<String[]> gui) {
        this.env = env;
        this.gui = gui;
    }

    /** Runs the command line; returns the exit code. {@code gui} opens the desk window with these arguments. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                          Consumer<String[]> gui) {
        CommandLine cmd = new CommandLine(new Cli(env, gui));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("wiredesk: " + oneLine(e));
            return e instanceof org.wiredesk.store.StoreLockedException ? STORE_LOCKED : 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        String storeArg = "--store=" + (WireDeskHome.isShared(store) ? store : storeDir().toString());
        gui.accept(user == null ? new String[] {storeArg} : new String[] {storeArg, "--user=" + user});
        return 0;
    }

    /** The local store directory (not for a shared store). */
    Path storeDir() {
        return store != null ? Path.of(store) : home().store();
    }

    WireDeskHome home() {
        return WireDeskHome.fromEnvironment(env);
    }

    /** Opens the store for a command; the caller closes it. */
    AppContext open() {
        if (!WireDeskHome.isShared(store)) {
            Path dir = storeDir();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new StoreException("--store must name a directory: " + dir + " is a file");
            }
        }
        String username = user != null ? user : WireDeskHome.localUsername();
        return AppContext.open(home().database(store), username, home().site(), Clock.systemDefaultZone());
    }

    static String oneLine(Throwable e) {
        String message = e instanceof StoreException || e instanceof WorkflowException
                || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
