package org.wiredesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Derby store's lifecycle: where it is, signing in to it (a member's name and password are their Derby
 * credentials), its schema, connections, and shutting it down. Embedded on a directory; in memory for tests.
 * Every connection works in the desk's schema, which belongs to the store's owner.
 */
public final class Database implements AutoCloseable {
    /** The schema every desk table lives in, owned by the store's owner. */
    static final String SCHEMA = "DESK";
    private static final String LOCKED = "XSDB6";
    private static final String AUTHENTICATION_FAILED = "08004";
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String NOT_FOUND = "XJ004";

    private final String base;
    private final String description;
    private final boolean memory;
    private final Credentials credentials;
    /** Serializes this process's history writers, so they take turns extending the chain instead of colliding. */
    private final ReentrantLock historyWriters;
    private final ConnectionPool pool = new ConnectionPool(this::openConnection);

    private Database(String base, String description, boolean memory, Credentials credentials,
                     ReentrantLock historyWriters) {
        this.base = base;
        this.description = description;
        this.memory = memory;
        this.credentials = credentials;
        this.historyWriters = historyWriters;
    }

    private Database(String base, String description, boolean memory, Credentials credentials) {
        this(base, description, memory, credentials, new ReentrantLock());
    }

    /** Rolls back after a failure; a failing rollback is kept with the failure, never in its place. */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work done in one transaction. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work that writes history in one transaction, committed or rolled back whole. Writers in this process
     * take turns; a writer that lost the race for the chain's next link to another process tries again.
     */
    <T> T inTransaction(String doing, Work<T> work) {
        historyWriters.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    try {
                        T result = work.run(c);
                        c.commit();
                        return result;
                    } catch (SQLException e) {
                        rollback(c, e);
                        if (attempt < 3 && SqlErrors.isChainRace(e)) {
                            continue;
                        }
                        throw e;
                    } catch (RuntimeException e) {
                        rollback(c, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    throw SqlErrors.translate(doing, e);
                }
            }
        } finally {
            historyWriters.unlock();
        }
    }

    /** An embedded store in a directory, signed in as a member (see {@link StoreSetup} to create one). */
    public static Database embedded(Path directory, Credentials credentials) {
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
        return new Database("jdbc:derby:" + dir, dir.toString(), false, credentials);
    }

    /** A store that lives only as long as this process: for tests and trials. */
    public static Database inMemory(String name, Credentials credentials) {
        return new Database("jdbc:derby:memory:" + name, "memory:" + name, true, credentials);
    }

    /** A store made by a WireDesk before members signed in: read without credentials, to upgrade it. */
    static Database unsecured(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return new Database("jdbc:derby:" + dir, dir.toString(), false, null);
    }

    /** The same store, signed in as another member. */
    public Database as(Credentials other) {
        return new Database(base, description, memory, other, historyWriters);
    }

    /** The signed-in member's name (lower case), as the store records it in every history row. */
    public String member() {
        return credentials == null ? "app" : credentials.member();
    }

    /**
     * Signs in and makes sure the schema is current: the owner upgrades it; a member is told to ask the owner.
     * A wrong password, an unknown or a disabled member all fail alike with {@link SignInRefusedException}.
     */
    public Database open() {
        try (Connection connection = connect()) {
            SchemaMigrator migrator = new SchemaMigrator();
            if (!migrator.isCurrent(connection)) {
                if (!isOwner(connection)) {
                    throw new StoreException("The store at " + description + " was made by an earlier WireDesk and "
                            + "must be upgraded by its owner first: the owner signs in once to upgrade it");
                }
                migrator.migrate(connection);
            }
        } catch (SQLException e) {
            throw translateOpen(e);
        }
        return this;
    }

    /** A new connection in the desk's schema, signed in as this member; the caller closes it. */
    public Connection connect() throws SQLException {
        return pool.borrow();
    }

    private Connection openConnection() throws SQLException {
        Connection c = DriverManager.getConnection(base, properties(credentials));
        if (credentials != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SCHEMA " + SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** A connection that makes this store anew from a backup directory (Derby's {@code createFrom}). */
    Connection connectRestoring(Path backup) throws SQLException {
        return DriverManager.getConnection(base + ";createFrom=" + backup, properties(credentials));
    }

    /** A connection that creates the database, as its owner (the database's owner is whoever creates it). */
    Connection connectCreating() throws SQLException {
        // a fixed territory: Derby's LOWER follows it, and member names must fold the same on every machine
        return DriverManager.getConnection(base + ";create=true;territory=en_US", properties(credentials));
    }

    /** The password, for {@code SYSCS_CREATE_USER} when the store is created: never printed or kept. */
    String credentialsPassword() {
        return credentials.password();
    }

    /** Shuts the database down as its owner so that properties set at creation take effect at the next boot. */
    void shutdownForReboot() {
        pool.clear();
        shutdown(";shutdown=true", credentials);
    }

    /** Whether the signed-in member is the database's owner (Derby's DBO). */
    static boolean isOwner(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM SYS.SYSSCHEMAS WHERE schemaname = 'SYS' AND authorizationid = CURRENT_USER""");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Whether there is a Derby database at this place at all. */
    boolean exists() {
        return memory || Files.exists(Path.of(description).resolve("service.properties"));
    }

    /** The JDBC URL, without credentials (for tests that connect as a plain JDBC client would). */
    String url() {
        return base;
    }

    public String description() {
        return description;
    }

    boolean inMemory() {
        return memory;
    }

    StoreException translateOpen(SQLException e) {
        if (SqlErrors.hasState(e, LOCKED)) {
            return new StoreLockedException("The store at " + description
                    + " is already open in another WireDesk or Derby process: close that one first", e);
        }
        if (SqlErrors.hasState(e, AUTHENTICATION_FAILED)) {
            return new SignInRefusedException(e);
        }
        if (SqlErrors.hasState(e, NOT_FOUND)) {
            return new StoreException("There is no store at " + description + ": create it with init --owner NAME", e);
        }
        return new StoreException("Cannot open the store at " + description + ": " + e.getMessage(), e);
    }

    /**
     * Shuts the store down. Only the owner may shut a database down (Derby's rule under SQL authorization); a
     * member's process leaves it to the engine's exit, which Derby's log makes safe.
     */
    @Override
    public void close() {
        pool.clear();
        if (credentials == null) {
            shutdown(";shutdown=true", null);
            return;
        }
        try (Connection c = connect()) {
            if (!isOwner(c)) {
                return;
            }
        } catch (SQLException e) {
            return;
        }
        shutdown(memory ? ";drop=true" : ";shutdown=true", credentials);
    }

    private void shutdown(String attribute, Credentials as) {
        try {
            DriverManager.getConnection(base + attribute, properties(as)).close();
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw new StoreException("The store at " + description + " did not shut down cleanly: "
                        + e.getMessage(), e);
            }
        }
    }

    private static Properties properties(Credentials credentials) {
        Properties p = new Properties();
        if (credentials != null) {
            p.setProperty("user", credentials.member());
            p.setProperty("password", credentials.password());
        }
        return p;
    }
}
