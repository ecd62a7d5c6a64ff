package org.wiredesk.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoreException;

/**
 * Where WireDesk keeps its data: $WIREDESK_HOME, else the folder .wiredesk in Java's user.home; the default store
 * lives inside, and each store's site folder and Derby log beside that store.
 */
public record WireDeskHome(Path root) {
    /** Derby's system property naming its log file; read once, when the engine boots. */
    static final String DERBY_LOG_FILE = "derby.stream.error.file";
    static final String DERBY_LOG_FIELD = "derby.stream.error.field";

    /**
     * Where Derby's log goes when no file beside the store can be written: nowhere. Derby writes to the console
     * otherwise, and the console is for sentences. Named by {@link #DERBY_LOG_FIELD}, so public.
     */
    public static final OutputStream DERBY_LOG_DISCARDED = OutputStream.nullOutputStream();

    public static WireDeskHome fromEnvironment(Map<String, String> env) {
        String configured = env.get("WIREDESK_HOME");
        if (configured != null && !configured.isBlank()) {
            return new WireDeskHome(Path.of(configured));
        }
        return new WireDeskHome(Path.of(System.getProperty("user.home"), ".wiredesk"));
    }

    public Path store() {
        return root.resolve("store");
    }

    /** The store directory a {@code --store} value names; null means the default directory. */
    public Path storeDirectory(String storeArgument) {
        if (storeArgument == null || storeArgument.isBlank()) {
            return store();
        }
        if (storeArgument.startsWith("//") || Database.isPostgresUrl(storeArgument)) {
            // a shared desk has no folder; Derby's Network Server is refused with its one sentence
            Database.at(storeArgument, null, null);
            throw new StoreException("The desk at " + storeArgument + " is a shared PostgreSQL desk, not a folder");
        }
        return Path.of(storeArgument);
    }

    /** The store a {@code --store} value names, signed in with these credentials. */
    public Database database(String storeArgument, Credentials credentials) {
        if (isShared(storeArgument)) {
            return Database.postgres(storeArgument, credentials);
        }
        return Database.embedded(storeDirectory(storeArgument), credentials);
    }

    /** Whether a {@code --store} value names a shared desk on PostgreSQL rather than a folder. */
    public static boolean isShared(String storeArgument) {
        return Database.isPostgresUrl(storeArgument);
    }

    /** The default store's site folder, {@code site} in the home folder. */
    public Path site() {
        return root.resolve("site");
    }

    /**
     * The site folder of the store a {@code --store} value names, beside that store so that two stores never
     * publish into one site: {@code site} beside a store folder named {@code store} (the default store's, as it
     * always was), {@code NAME-site} beside any other store folder NAME. A shared desk has no folder to be beside:
     * its site is this home's {@code site}.
     */
    public Path siteFor(String storeArgument) {
        if (isShared(storeArgument)) {
            return site();
        }
        Path dir = storeDirectory(storeArgument).toAbsolutePath().normalize();
        Path name = dir.getFileName();
        if (name == null) {
            return site();
        }
        return dir.resolveSibling(name.toString().equals("store") ? "site" : name + "-site");
    }

    /**
     * Sends Derby's log to {@code derby.log} beside this store folder, or, when that file cannot be written (a
     * read-only parent folder), nowhere, so that it never reaches the console. Call before Derby boots (the first
     * connection): the engine reads the property once. A log already configured (a test's, a user's {@code -D})
     * is kept. Returns where the log goes, or null when it is discarded or configured elsewhere.
     */
    public static Path keepDerbyLogBeside(Path storeDirectory) {
        if (System.getProperty(DERBY_LOG_FILE) != null || System.getProperty(DERBY_LOG_FIELD) != null) {
            return null;
        }
        Path dir = storeDirectory.toAbsolutePath().normalize();
        Path log = dir.resolveSibling("derby.log");
        if (canWrite(log)) {
            System.setProperty(DERBY_LOG_FILE, log.toString());
            return log;
        }
        System.setProperty(DERBY_LOG_FIELD, WireDeskHome.class.getName() + ".DERBY_LOG_DISCARDED");
        return null;
    }

    /** Whether this file can be written, or created in its (existing) folder, by this process. */
    private static boolean canWrite(Path file) {
        if (Files.exists(file)) {
            return Files.isRegularFile(file) && Files.isWritable(file);
        }
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            // Database.embedded creates the store's parent folder; if that fails, it says so itself
            return folder != null && !Files.exists(folder);
        }
        return canCreateIn(folder);
    }

    /**
     * Why an existing store folder cannot be used by this process: it, or the folders Derby writes in it, cannot
     * be written (a store Derby would boot read-only, failing at the first change). Empty when it can be, or when
     * there is no store there. Tried for real, by creating and deleting a file: a permission bit says nothing
     * for root, an ACL or a read-only mount.
     */
    public static Optional<String> unwritable(Path storeDirectory) {
        Path dir = storeDirectory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("service.properties"))) {
            return Optional.empty();
        }
        for (Path folder : new Path[] {dir, dir.resolve("seg0"), dir.resolve("log")}) {
            if (Files.isDirectory(folder) && !canCreateIn(folder)) {
                return Optional.of("The store at " + dir + " is read-only (permission denied: " + folder
                        + "): WireDesk writes to its store, so it needs write access to that folder, or a copy of "
                        + "the store in a folder it may write to");
            }
        }
        return Optional.empty();
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".wiredesk-write-probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        } catch (FileSystemException e) {
            // EROFS, a read-only mount, arrives as a plain FileSystemException
            return e.getReason() == null || !e.getReason().toLowerCase(java.util.Locale.ROOT).contains("read-only");
        } catch (IOException e) {
            return true;
        }
    }

    /** The operating system's user name as a member name, the default for --user (may not be a valid one). */
    public static String localUsername() {
        String name = System.getProperty("user.name", "desk").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "m" + name;
        }
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
