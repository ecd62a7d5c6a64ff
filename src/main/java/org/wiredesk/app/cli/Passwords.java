package org.wiredesk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Reads passwords: from the terminal without echo, else from {@code WIREDESK_PASSWORD} (the signed-in member's,
 * for scripts and CI), or from standard input where a command says so. Never printed, logged or kept.
 */
final class Passwords {
    static final String ENVIRONMENT = "WIREDESK_PASSWORD";

    private final Terminal terminal;
    private final Map<String, String> env;
    private final InputStream in;

    Passwords(Terminal terminal, Map<String, String> env, InputStream in) {
        this.terminal = terminal;
        this.env = env;
        this.in = in;
    }

    /** No password could be read: a one-line reason, exit 2 (the usage would bury it). */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    /** The signed-in member's password. */
    char[] signIn(CommandLine cmd, String member) {
        char[] typed = terminal.readPassword("Password for " + member + ": ");
        if (typed != null) {
            return typed;
        }
        String fromEnv = env.get(ENVIRONMENT);
        if (fromEnv == null || fromEnv.isEmpty()) {
            throw new Missing("No terminal to type " + member + "'s password: set " + ENVIRONMENT
                    + " (see docs/security.md)");
        }
        return fromEnv.toCharArray();
    }

    /** A new password: typed twice at the terminal, or the first line of standard input with --password-stdin. */
    char[] fresh(CommandLine cmd, String whose, boolean stdin) {
        if (stdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CommandLine.ParameterException(cmd, "--password-stdin: standard input has no password");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cmd, "--password-stdin: " + e.getMessage());
            }
        }
        char[] first = terminal.readPassword("New password for " + whose + ": ");
        if (first == null) {
            throw new Missing("No terminal to type the new password: use --password-stdin (init also reads "
                    + ENVIRONMENT + ")");
        }
        char[] again = terminal.readPassword("The same again: ");
        if (!Arrays.equals(first, again)) {
            throw new CommandLine.ParameterException(cmd, "The two passwords differ: nothing was changed");
        }
        return first;
    }
}
