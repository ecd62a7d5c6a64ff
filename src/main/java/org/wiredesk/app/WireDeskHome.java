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
        if (storeArgument.startsWith("//")) {
            throw new StoreException("Sharing a store through Derby's Network Server is retired: it let any signed-in "
                    + "member run Java inside the server (docs/adr/0009). Use a local store directory");
        }
        return Path.of(storeArgument);
    }

    /** The store a {@code --store} value names, signed in with these credentials. */
    public Database database(String storeArgument, Credentials credentials) {
        return Database.embedded(storeDirectory(storeArgument), credentials);
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
