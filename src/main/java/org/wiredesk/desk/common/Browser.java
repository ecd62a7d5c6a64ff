package org.wiredesk.desk.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens a page in the workstation's web browser, or says in one sentence why it cannot. On Linux the toolkit's own
 * way (HostServices) fails silently, its reason only on the console, so the desk asks the desktop's opener
 * (xdg-open) itself, after checking there is a display to show a browser on. Elsewhere it hands the page to the
 * toolkit.
 */
public final class Browser {
    /** Why a page could not be opened, as one sentence for the desk. */
    public static final class CannotOpen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CannotOpen(String sentence) {
            super(sentence);
        }
    }

    /** The desktop's openers, the first found on the PATH is used. */
    static final List<String> OPENERS = List.of("xdg-open", "sensible-browser", "x-www-browser", "gio");

    private final Map<String, String> env;
    private final String os;
    private final Consumer<String> toolkit;

    /**
     * @param env the environment (DISPLAY, WAYLAND_DISPLAY, PATH)
     * @param os the operating system's name
     * @param toolkit the toolkit's way to show a page, used where the OS is not Linux or BSD
     */
    public Browser(Map<String, String> env, String os, Consumer<String> toolkit) {
        this.env = env;
        this.os = os.toLowerCase(Locale.ROOT);
        this.toolkit = toolkit;
    }

    /** Opens the page, or throws {@link CannotOpen} with the reason. */
    public void open(String url) {
        if (!os.contains("linux") && !os.contains("bsd")) {
            toolkit.accept(url);
            return;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            throw new CannotOpen("There is no display to open a browser on (neither DISPLAY nor WAYLAND_DISPLAY is "
                    + "set)" + where(url));
        }
        String opener = opener().orElseThrow(() -> new CannotOpen("No program to open web pages is installed "
                + "(xdg-open, from the xdg-utils package)" + where(url)));
        try {
            List<String> command = opener.endsWith("gio") ? List.of(opener, "open", url) : List.of(opener, url);
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CannotOpen("Could not start " + opener + " to open the page: " + e.getMessage() + where(url));
        }
    }

    private Optional<String> opener() {
        String path = env.getOrDefault("PATH", "");
        for (String name : OPENERS) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Where a file page lies, so the desk can open it another way. */
    private static String where(String url) {
        if (url.startsWith("file:")) {
            try {
                return ": the page is " + Path.of(java.net.URI.create(url));
            } catch (IllegalArgumentException e) {
                return ": the page is " + url;
            }
        }
        return ": the page is " + url;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
