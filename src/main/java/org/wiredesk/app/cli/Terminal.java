package org.wiredesk.app.cli;

import java.io.Console;

/** Where passwords are typed: the terminal, read without echo; absent when WireDesk runs without one. */
public interface Terminal {
    /** No terminal: passwords come from WIREDESK_PASSWORD or standard input. */
    Terminal NONE = prompt -> null;

    /** The password typed after the prompt, or null when there is no terminal. */
    char[] readPassword(String prompt);

    /** The process's own terminal, if it has one. */
    static Terminal system() {
        Console console = System.console();
        return console == null ? NONE : prompt -> console.readPassword("%s", prompt);
    }
}
