package org.wiredesk.app;

import java.nio.file.Path;
import java.util.Map;

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

    public Path site() {
        return root.resolve("site");
    }

    /** The signed-in desk member: the operating system's user name, made a valid account name. */
    public static String localUsername() {
        String name = System.getProperty("user.name", "desk").replaceAll("[^A-Za-z0-9._@-]", "_");
        return name.isEmpty() ? "desk" : name.length() > 64 ? name.substring(0, 64) : name;
    }
}
