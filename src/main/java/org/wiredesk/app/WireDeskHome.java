package org.wiredesk.app;

import java.nio.file.Path;
import java.util.Map;
import org.wiredesk.store.Database;

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

    /**
     * The store a {@code --store} value names: a directory for an embedded store, or {@code //host:port/path}
     * for a store another workstation shares through the Network Server. Null means the default directory.
     */
    public Database database(String storeArgument) {
        if (storeArgument == null || storeArgument.isBlank()) {
            return Database.embedded(store());
        }
        if (isShared(storeArgument)) {
            return Database.network(storeArgument);
        }
        return Database.embedded(Path.of(storeArgument));
    }

    public static boolean isShared(String storeArgument) {
        return storeArgument != null && storeArgument.startsWith("//");
    }

    public Path site() {
        return root.resolve("site");
    }

    /** The signed-in desk member: the operating system's user name, made a valid account name. */
    public static String localUsername() {
        String name = System.getProperty("user.name", "desk").replaceAll("[^A-Za-z0-9._@-]", "_");
        return name.isEmpty() ? "desk" : name.length() > 64 ? name.substring(0, 64) : name;
    }
}
