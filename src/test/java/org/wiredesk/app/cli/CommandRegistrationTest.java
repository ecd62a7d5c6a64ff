package org.wiredesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command line that names one command registers only that one: nothing it says may differ for it. */
class CommandRegistrationTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of("WIREDESK_HOME", home.toString()),
                gui -> {
                    throw new AssertionError("no window here");
                });
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eachCommandsHelpIsTheSameWhetherItAloneOrEveryCommandIsRegistered() {
        for (Class<?> command : Cli.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            if (command == CommandLine.HelpCommand.class) {
                continue;
            }
            Run alone = run(name, "--help");
            Run all = run("help", name); // "help" registers every command
            assertThat(alone.code()).as(name).isZero();
            assertThat(alone.out()).as(name).startsWith("Usage: wiredesk " + name).isEqualTo(all.out());
        }
    }

    @Test
    void errorsAndExitCodesAreTheSameToo() {
        Run alone = run("extract", home.resolve("missing.html").toString());
        Run all = run("--store", home.resolve("store").toString(), "extract", home.resolve("missing.html").toString());
        assertThat(alone.code()).isEqualTo(all.code()).isEqualTo(2);
        assertThat(alone.err()).isEqualTo(all.err()).contains("no such file or folder");

        Run unknown = run("extract", "--no-such-option");
        Run unknownAll = run("--store", home.resolve("store").toString(), "extract", "--no-such-option");
        assertThat(unknown.code()).isEqualTo(unknownAll.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo(unknownAll.err()).contains("Usage: wiredesk extract");
    }

    @Test
    void aMistypedCommandStillGetsEveryCommandToSuggestFrom() {
        Run typo = run("extrct", "page.html");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: wiredesk extract");
    }
}
