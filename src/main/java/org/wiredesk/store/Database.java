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
 * A store's lifecycle: where it is, signing in to it (a member's name and password are their credentials for the
 * database itself), its schema, connections, transactions, and closing it. Embedded Derby on a directory (in memory
 * for tests), or a shared PostgreSQL desk; what differs between the two is the {@link Dialect}. Every connection
 * works in the desk's schema, which belongs to the store's owner.
 */
public final class Database implements AutoCloseable {
    /** The schema every desk table lives in, owned by the store's owner. */
    static final String SCHEMA = "DESK";
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final int ATTEMPTS = 3;

    private final String base;
    private final String description;
    private final boolean memory;
    private final Credentials credentials;
    private final Dialect dialect;
    /** Serializes this process's history writers, so they take turns extending the chain instead of colliding. */
    private final ReentrantLock historyWriters;
    private final ConnectionPool pool = new ConnectionPool(this::openConnection);

    private Database(Dialect dialect, String base, String description, boolean memory, Credentials credentials,
                     ReentrantLock historyWriters) {
        this.dialect = dialect;
        this.base = base;
        this.description = description;
        this.memory = memory;
        this.credentials = credentials;
        this.historyWriters = historyWriters;
    }

    private Database(String base, String description, boolean memory, Credentials credentials) {
        this(new DerbyDialect(), base, description, memory, credentials, new ReentrantLock());
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
     * take turns (on Derby, where WireDesk extends the chain itself); a transaction that lost a race another
     * writer won (the chain's next link, a deadlock, a serialization failure), or whose connection broke before it
     * was committed (so nothing of it was kept), is tried again, a few times, on a fresh connection.
     */
    <T> T inTransaction(String doing, Work<T> work) {
        boolean serialize = !isPostgres();
        if (serialize) {
            historyWriters.lock();
        }
        try {
            for (int attempt = 1; ; attempt++) {
                boolean committing = false;
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    try {
                        T result = work.run(c);
                        committing = true;
                        c.commit();
                        return result;
                    } catch (SQLException e) {
                        rollback(c, e);
                        throw e;
                    } catch (RuntimeException e) {
                        rollback(c, e);
                        throw e;
                    }
                } catch (SQLException e) {
                    boolean lostBeforeCommit = isPostgres() && !committing && SqlErrors.connectionLost(e);
                    if (attempt < ATTEMPTS && (dialect.retryable(e) || lostBeforeCommit)) {
                        continue;
                    }
                    throw SqlErrors.translate(doing, e);
                }
            }
        } finally {
            if (serialize) {
                historyWriters.unlock();
            }
        }
    }

    /** The engine's way of writing the workflow's moves, as the signed-in member. */
    Moves moves() {
        return dialect.moves(member());
    }

    /** The engine's way of managing members. */
    MemberAdmin memberAdmin() {
        return dialect.members();
    }

    /** The next value of a sequence, in the caller's transaction. */
    long nextId(Connection c, String sequence) throws SQLException {
        return dialect.nextId(c, sequence);
    }

    /** What follows {@code SELECT <expressions>} with no table to select from. */
    String withoutTable() {
        return dialect.withoutTable();
    }

    /** The JDBC type for a null in a column of bytes. */
    int bytesType() {
        return dialect.bytesType();
    }

    /** The generated-key columns for an insert into a table with an identity {@code id}. */
    String[] idColumn() {
        return new String[] {dialect.idColumn()};
    }

    /** An SQL expression for the signed-in member's name. */
    String signedInMember() {
        return dialect.signedInMember();
    }

    /**
     * Follows other workstations' changes as they commit: on PostgreSQL {@code onChange} is called (on a thread of
     * its own) within moments of each, through {@code LISTEN}/{@code NOTIFY}; an embedded Derby store has no other
     * workstations, and nothing is called. Close what this returns to stop.
     */
    public AutoCloseable followChanges(Runnable onChange) {
        if (!isPostgres()) {
            return () -> { };
        }
        return LiveChanges.start(this, onChange);
    }

    /** Whether this is a shared PostgreSQL desk (else an embedded Derby store). */
    public boolean isPostgres() {
        return dialect instanceof PostgresDialect;
    }

    /** The engine's name, for messages. */
    public String engine() {
        return dialect.engine();
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

    /**
     * A shared desk on PostgreSQL, {@code postgresql://HOST[:PORT]/DATABASE[?sslmode=...]} or a
     * {@code jdbc:postgresql://} URL, signed in as a member (their login role).
     */
    public static Database postgres(String url, Credentials credentials) {
        String jdbc = PostgresDialect.jdbcUrl(url);
        return new Database(new PostgresDialect(), jdbc, jdbc.substring("jdbc:".length()), false, credentials,
                new ReentrantLock());
    }

    /**
     * The store a {@code --store} argument names: a PostgreSQL desk by its URL, else a Derby folder. Derby's
     * Network Server ({@code //host:port/...}) is refused: it cannot keep members out of each other's work.
     */
    public static Database at(String store, Path defaultDirectory, Credentials credentials) {
        if (store != null && PostgresDialect.isUrl(store)) {
            return postgres(store, credentials);
        }
        if (store != null && (store.startsWith("//") || store.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:derby:"))) {
            throw new StoreException("A desk shared by several workstations lives on PostgreSQL, not on Derby's "
                    + "Network Server: give --store postgresql://HOST/DATABASE (docs/shared-desk.md)");
        }
        return embedded(store == null ? defaultDirectory : Path.of(store), credentials);
    }

    /** Whether a {@code --store} argument names a PostgreSQL desk. */
    public static boolean isPostgresUrl(String store) {
        return store != null && PostgresDialect.isUrl(store);
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
        return new Database(dialect, base, description, memory, other, historyWriters);
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
            SchemaMigrator migrator = dialect.migrator();
            int version = migrator.version(connection);
            if (version == 0 && isPostgres()) {
                throw new StoreException("The database at " + description + " is not a desk yet: its owner makes "
                        + "it one with wiredesk --store " + description + " init --owner NAME");
            }
            if (version > migrator.latest()) {
                throw new StoreException("The store at " + description + " was upgraded by a newer WireDesk (schema "
                        + version + "; this one knows " + migrator.latest() + "): use that WireDesk or a newer one");
            }
            if (version < migrator.latest()) {
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
        return dialect.connect(base, credentials);
    }

    /** A connection outside the pool, for a long-lived listener; the caller closes it. */
    Connection connectUnpooled() throws SQLException {
        return openConnection();
    }

    /** A connection that makes this store anew from a backup directory (Derby's {@code createFrom}). */
    Connection connectRestoring(Path backup) throws SQLException {
        return DriverManager.getConnection(base + ";createFrom=" + backup, DerbyDialect.properties(credentials));
    }

    /** A connection that creates the database, as its owner (the database's owner is whoever creates it). */
    Connection connectCreating() throws SQLException {
        // a fixed territory: Derby's LOWER follows it, and member names must fold the same on every machine
        return DriverManager.getConnection(base + ";create=true;territory=en_US", DerbyDialect.properties(credentials));
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

    /** Whether the signed-in member owns the store (Derby's DBO; on PostgreSQL, the desk schema's owner). */
    boolean isOwner(Connection c) throws SQLException {
        return dialect.isOwner(c);
    }

    /** The store owner's member name. */
    String ownerName(Connection c) throws SQLException {
        return dialect.ownerName(c);
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
        if (e instanceof PostgresDialect.NotADeskException) {
            return new StoreException("The database at " + description + " is not a desk yet: its owner makes it "
                    + "one with wiredesk --store " + description + " init --owner NAME", e);
        }
        return dialect.translateOpen(e, description);
    }

    /**
     * Shuts the store down. Only the owner may shut a database down (Derby's rule under SQL authorization); a
     * member's process leaves it to the engine's exit, which Derby's log makes safe.
     */
    @Override
    public void close() {
        pool.clear();
        if (isPostgres()) {
            return; // the server stays up for the rest of the desk
        }
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
            DriverManager.getConnection(base + attribute, DerbyDialect.properties(as)).close();
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw new StoreException("The store at " + description + " did not shut down cleanly: "
                        + e.getMessage(), e);
            }
        }
    }
}
