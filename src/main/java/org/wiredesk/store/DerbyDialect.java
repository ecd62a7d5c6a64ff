package org.wiredesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The embedded Derby store: one workstation's desk (docs/security.md says what it can and cannot hold back). */
final class DerbyDialect implements Dialect {
    private static final String LOCKED = "XSDB6";
    private static final String AUTHENTICATION_FAILED = "08004";
    private static final String NOT_FOUND = "XJ004";

    @Override
    public String engine() {
        return "Derby";
    }

    @Override
    public Connection connect(String url, Credentials credentials) throws SQLException {
        Connection c = DriverManager.getConnection(url, properties(credentials));
        if (credentials != null) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SCHEMA " + Database.SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    static Properties properties(Credentials credentials) {
        Properties p = new Properties();
        if (credentials != null) {
            p.setProperty("user", credentials.member());
            p.setProperty("password", credentials.password());
        }
        return p;
    }

    @Override
    public long nextId(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("VALUES NEXT VALUE FOR " + sequence);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String withoutTable() {
        return " FROM SYSIBM.SYSDUMMY1";
    }

    @Override
    public int bytesType() {
        return java.sql.Types.BLOB;
    }

    @Override
    public String idColumn() {
        return "ID";
    }

    @Override
    public String signedInMember() {
        return "LOWER(CURRENT_USER)";
    }

    @Override
    public String ownerName(Connection c) throws SQLException {
        return DerbyAdmin.ownerName(c);
    }

    @Override
    public boolean isOwner(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM SYS.SYSSCHEMAS WHERE schemaname = 'SYS' AND authorizationid = CURRENT_USER""");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public Moves moves(String member) {
        return new DerbyMoves(member);
    }

    @Override
    public MemberAdmin members() {
        return new DerbyMembers();
    }

    @Override
    public SchemaMigrator migrator() {
        return SchemaMigrator.derby();
    }

    @Override
    public StoreException translateOpen(SQLException e, String description) {
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
        String damaged = damagedReason(e);
        if (damaged != null) {
            // Derby says only "Failed to start database ..., see the next exception for details"
            String log = System.getProperty("derby.stream.error.file");
            return new StoreException("The store at " + description + " is damaged and cannot be opened ("
                    + damaged + "): restore it from a backup into a new folder with wiredesk --store NEW-DIR "
                    + "restore --from BACKUP" + (log == null ? "" : "; Derby's log: " + log), e);
        }
        return new StoreException("Cannot open the store at " + description + ": " + e.getMessage(), e);
    }

    /** Why Derby could not start the database (XJ040), from its chain of next exceptions; null if not that. */
    private static String damagedReason(SQLException e) {
        if (!"XJ040".equals(e.getSQLState())) {
            return null;
        }
        String reason = null;
        for (SQLException s = e.getNextException(); s != null; s = s.getNextException()) {
            if (s.getMessage() != null && !"XJ040".equals(s.getSQLState())) {
                // "Java exception: 'Reached end of file ...: java.io.EOFException'." says the first part only
                reason = s.getMessage().strip().replaceAll("\\s+", " ")
                        .replaceAll("^Java exception: '(.*?)(: [\\w.$]+)?'\\.?$", "$1");
            }
        }
        return reason == null ? "Derby gave no reason" : reason;
    }

    @Override
    public boolean retryable(SQLException e) {
        return SqlErrors.isChainRace(e);
    }
}
