package org.wiredesk.app;

import java.nio.file.Path;
import java.util.Map;
import org.wiredesk.store.Credentials;
import org.wiredesk.store.Database;
import org.wiredesk.store.StoreException;

/** Where WireDesk keeps its data: $WIREDESK_HOME, else ~/.wiredesk; the store and the site live inside. */
public record WireDeskHome(Path root) {
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

    public Path site() {
        return root.resolve("site");
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
