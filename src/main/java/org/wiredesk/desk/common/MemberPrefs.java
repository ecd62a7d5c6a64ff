package org.wiredesk.desk.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * One member's preferences for this workstation's window (size, place, column widths, theme, text zoom): a small
 * properties file under the desk's home, never the shared store, since they belong to a screen, not to the desk.
 * Written whole to a temporary file and moved over the old one, so a crash leaves the last good file.
 */
public final class MemberPrefs {
    private final Path file;
    private final Properties values = new Properties();

    private MemberPrefs(Path file) {
        this.file = file;
    }

    /** The member's file under the desk's home ({@code HOME/members/NAME.properties}), read now if it exists. */
    public static MemberPrefs of(Path home, String username) {
        String safe = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return at(home.resolve("members").resolve(safe + ".properties"));
    }

    /** The preferences kept in this file, read now if it exists (an unreadable file is as good as none). */
    public static MemberPrefs at(Path file) {
        MemberPrefs prefs = new MemberPrefs(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                prefs.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                prefs.values.clear(); // a damaged file: the window opens as new, and the next save replaces it
            }
        }
        return prefs;
    }

    /** Preferences that live as long as the window and are never written (for tests and a home one cannot write). */
    public static MemberPrefs inMemory() {
        return new MemberPrefs(null);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public Optional<Double> number(String key) {
        try {
            return get(key).map(Double::parseDouble).filter(d -> !d.isNaN() && !d.isInfinite());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getProperty(key));
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public void put(String key, double value) {
        put(key, Double.toString(value));
    }

    public void put(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /** Where the preferences are kept, or null when they are kept in memory only. */
    public Path file() {
        return file;
    }

    /** Writes the file; a home that cannot be written costs only the remembering. */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "WireDesk: this member's window on this workstation");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the window's preferences in " + file, e);
        }
    }
}
