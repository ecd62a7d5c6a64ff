package org.wiredesk.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.wiredesk.app.AppContext;
import org.wiredesk.app.WireDeskHome;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.SignInRefusedException;
import org.wiredesk.store.StoreException;
import org.wiredesk.store.StoreSetup;
import org.wiredesk.story.WorkflowException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: with a subcommand WireDesk runs headless; without one it opens the desk. */
@Command(name = "wiredesk", mixinStandardHelpOptions = true, version = "WireDesk 0.1",
        description = "A media-wire desk workstation. Without a command, opens the desk window.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed, or the workflow refused the step (the reason follows "
                + "'wiredesk: ' on stderr)", "2:bad arguments, or a path that cannot be read or written (no such folder, permission "
                + "denied, a read-only store)",
                "3:the store is locked by another process", "4:sign-in refused"})
public final class Cli implements Callable<Integer> {
    /**
     * The commands, in the order help lists them. Picocli reads every command's annotations when it is registered,
     * which took half of a short command's start; so a command line that names one command registers that one only
     * (its help, options and errors are the same), and every other registers them all.
     */
    static final List<Class<?>> COMMANDS = List.of(InitCommand.class, IngestCommand.class, ListCommand.class,
            StoryCommand.class, RetitleCommand.class, SubmitCommand.class, ApproveCommand.class, RejectCommand.class,
            SendBackCommand.class, PublishCommand.class, EmbargoCommand.class, ScheduleCommand.class,
            CorrectCommand.class, KillCommand.class, QuarantineCommand.class, UsersCommand.class, ExtractCommand.class,
            SourcesCommand.class, StyleCommand.class, VerifyCommand.class, KeysCommand.class, BackupCommand.class,
            RestoreCommand.class, StoreCommand.class, SettingsCommand.class, WithdrawalsCommand.class,
            CreditsCommand.class, CommandLine.HelpCommand.class);
    public static final int STORE_LOCKED = 3;
    public static final int SIGN_IN_REFUSED = 4;

    @Option(names = "--store", paramLabel = "DIR|URL", scope = ScopeType.INHERIT,
            description = {"The desk: a Derby store directory (default: $WIREDESK_HOME/store or ~/.wiredesk/store),",
                    "or a shared desk on PostgreSQL, postgresql://HOST[:PORT]/DATABASE[?sslmode=verify-full&",
                    "sslrootcert=FILE] (a jdbc:postgresql:// URL too). See docs/shared-desk.md."})
    String store;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = {"Sign in as this desk member (default: the operating system user). The password is",
                    "read from the terminal without echo, or from WIREDESK_PASSWORD when there is none."})
    String user;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Consumer<String[]> gui;
    private final Terminal terminal;
    private final InputStream in;

    Cli(Map<String, String> env, Consumer<String[]> gui, Terminal terminal, InputStream in) {
        this.env = env;
        this.gui = gui;
        this.terminal = terminal;
        this.in = in;
    }

    /** Runs the command line with no terminal and no standard input (tests and scripts). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                          Consumer<String[]> gui) {
        return run(args, InputStream.nullInputStream(), out, err, env, Terminal.NONE, gui);
    }

    /** Runs the command line; returns the exit code. {@code gui} opens the desk window with these arguments. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env,
                          Terminal terminal, Consumer<String[]> gui) {
        CommandLine cmd = new CommandLine(new Cli(env, gui, terminal, in));
        register(cmd, args.length == 0 ? null : args[0]);
        cmd.setOut(out);
        cmd.setErr(err);
        // --status approved, --kind feed, --role copy_editor: people type values as they please
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String path = PathProblem.sentence(e);
            if (path != null) {
                commandLine.getErr().println("wiredesk: " + path);
                return 2;
            }
            if (e instanceof Passwords.Missing) {
                commandLine.getErr().println("wiredesk: " + e.getMessage());
                return 2;
            }
            if (e instanceof SignInRefusedException) {
                commandLine.getErr().println("wiredesk: sign-in refused");
                return SIGN_IN_REFUSED;
            }
            if (e instanceof org.wiredesk.publish.SiteWriteException) {
                // a site folder that cannot be written is a bad argument, like a path that cannot be read, for
                // correct and kill as for publish
                commandLine.getErr().println("wiredesk: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("wiredesk: " + oneLine(e));
            return e instanceof org.wiredesk.store.StoreLockedException ? STORE_LOCKED : 1;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Registers the command this name names (not help), or every command when it names none of them. */
    private static void register(CommandLine cmd, String first) {
        for (Class<?> command : COMMANDS) {
            if (first != null && first.equals(name(command)) && command != CommandLine.HelpCommand.class) {
                cmd.addSubcommand(command);
                return;
            }
        }
        COMMANDS.forEach(cmd::addSubcommand);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public Integer call() {
        String storeArg = "--store=" + (isShared() ? store : storeDir().toString());
        if (!isShared()) {
            // the desk opens its store through this path too: its Derby log belongs beside the store as well
            WireDeskHome.keepDerbyLogBeside(storeDir());
        }
        try {
            gui.accept(user == null ? new String[] {storeArg} : new String[] {storeArg, "--user=" + user});
        } catch (UnsupportedOperationException e) {
            if (e.getMessage() == null || !e.getMessage().contains("DISPLAY")) {
                throw e;
            }
            spec.commandLine().getErr().println("wiredesk: the desk window needs a display, and there is none "
                    + "(DISPLAY is not set or cannot be opened); every command works without one: wiredesk help");
            return 1;
        }
        return 0;
    }

    /** The store directory (a Derby store; see {@link #isShared()}). */
    Path storeDir() {
        return home().storeDirectory(store);
    }

    /** Whether --store names a shared desk on PostgreSQL. */
    boolean isShared() {
        return WireDeskHome.isShared(store);
    }

    /** The --store value as given (a URL for a shared desk). */
    String storeArgument() {
        return store;
    }

    /** The member signing in: --user, else the operating system user. */
    String member() {
        return Credentials.canonical(user != null ? user : WireDeskHome.localUsername());
    }

    Map<String, String> environment() {
        return env;
    }

    boolean hasTerminal() {
        return terminal != Terminal.NONE;
    }

    Passwords passwords() {
        return new Passwords(terminal, env, in);
    }

    WireDeskHome home() {
        return WireDeskHome.fromEnvironment(env);
    }

    /** The site folder of the store (see {@link WireDeskHome#siteFor}). */
    Path site() {
        return home().siteFor(store);
    }

    /**
     * Gets a Derby store folder ready to be opened by this process: Derby's log goes beside it, never to the
     * console, and a folder this process cannot write is refused in one sentence before Derby boots it read-only.
     */
    static void prepareDerbyStore(Path dir) {
        WireDeskHome.keepDerbyLogBeside(dir);
        WireDeskHome.unwritable(dir).ifPresent(reason -> {
            throw new PathProblem(reason);
        });
    }

    /** Signs the member in and opens the store for a command; the caller closes it. */
    AppContext open() {
        CommandLine cmd = spec.commandLine();
        if (isShared()) {
            String member = member();
            Credentials credentials = new Credentials(member, passwords().signIn(cmd, member));
            return AppContext.open(home().database(store, credentials), site(), Clock.systemDefaultZone());
        }
        Path dir = storeDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("--store must name a directory: " + dir + " is a file");
        }
        prepareDerbyStore(dir);
        return openDerby(cmd, dir);
    }

    private AppContext openDerby(CommandLine cmd, Path dir) {
        switch (StoreSetup.state(dir)) {
            case NONE -> throw new StoreException("There is no store at " + dir + ": create it with wiredesk --store "
                    + dir + " init --owner NAME");
            case UNSECURED -> throw new StoreException("The store at " + dir + " was made by an earlier WireDesk, "
                    + "before members signed in: secure it with wiredesk --store " + dir + " init --owner NAME");
            default -> { }
        }
        String member = member();
        Credentials credentials = new Credentials(member, passwords().signIn(cmd, member));
        return AppContext.open(home().database(store, credentials), site(), Clock.systemDefaultZone());
    }

    static String oneLine(Throwable e) {
        String message = e instanceof StoreException || e instanceof WorkflowException
                || e instanceof CommandLine.ParameterException
                || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
