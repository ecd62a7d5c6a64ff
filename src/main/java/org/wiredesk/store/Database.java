package org.wiredesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The Derby store's lifecycle: where it is, opening it (and its schema), connections, and shutting it down.
 * Embedded on a directory by default; in memory for tests; through the Network Server when a desk shares one.
 */
public final class Database implements AutoCloseable {
    private static final String LOCKED = "XSDB6";
    private static final String DATABASE_SHUT_DOWN = "08006";

    private final String url;
    private final String closeUrl;
    private final String description;

    private Database(String url, String closeUrl, String description) {
        this.url = url;
        this.closeUrl = closeUrl;
        this.description = description;
    }

    /** An embedded store in a directory, created on first use. */
    public static Database embedded(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the store " + dir + ": " + e.getMessage(), e);
        }
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.file", dir.resolveSibling("derby.log").toString());
        }
        String base = "jdbc:derby:" + dir;
        return new Database(base + ";create=true", base + ";shutdown=true", dir.toString());
    }

    /** A store that lives only as long as this process: for tests and trials. */
    public static Database inMemory(String name) {
        String base = "jdbc:derby:memory:" + name;
        return new Database(base + ";create=true", base + ";drop=true", "memory:" + name);
    }

    /** A store shared by a desk through Derby's Network Server, e.g. {@code //deskhost:1527/wiredesk}. */
    public static Database network(String hostPortName) {
        String base = "jdbc:derby:" + hostPortName;
        return new Database(base + ";create=true", null, hostPortName);
    }

    /** Opens the store, creating or upgrading its schema. */
    public Database open() {
        try (Connection connection = connect()) {
            new SchemaMigrator().migrate(connection);
        } catch (SQLException e) {
            if (SqlErrors.hasState(e, LOCKED)) {
                throw new StoreLockedException("The store at " + description
                        + " is already open in another WireDesk or Derby process: close that one, or share the"
                        + " store through the Network Server", e);
            }
            throw new StoreException("Cannot open the store at " + description + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closeUrl == null) {
            return;
        }
        try {
            DriverManager.getConnection(closeUrl).close();
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw new StoreException("The store at " + description + " did not shut down cleanly: "
                        + e.getMessage(), e);
            }
        }
    }
}
