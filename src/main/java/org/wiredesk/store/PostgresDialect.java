package org.wiredesk.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The shared desk on PostgreSQL. Members sign in as their own login roles; the desk's schema {@code desk} belongs
 * to its owner; moves run through the owner's {@code SECURITY DEFINER} functions ({@code postgresql/V001__desk.sql}).
 */
final class PostgresDialect implements Dialect {
    static final String SCHEMA = "desk";
    /** SQL states of a refused sign-in: a wrong password, an unknown role, a role that may not log in. */
    private static final Set<String> SIGN_IN_REFUSED = Set.of("28P01", "28000");
    private static final String NO_SUCH_DATABASE = "3D000";
    /**
     * A lost race that a second try gets past: a serialization failure, a deadlock, or a lock the desk's functions
     * waited five seconds for (another member's step holding the history).
     */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03");

    @Override
    public String engine() {
        return "PostgreSQL";
    }

    @Override
    public Connection connect(String url, Credentials credentials) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", credentials.member());
        p.setProperty("password", credentials.password());
        p.setProperty("ApplicationName", "WireDesk");
        p.setProperty("currentSchema", SCHEMA);
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, p);
    }

    @Override
    public long nextId(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(?::regclass)")) {
            ps.setString(1, SCHEMA + "." + sequence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public String withoutTable() {
        return "";
    }

    @Override
    public int bytesType() {
        return java.sql.Types.BINARY;
    }

    @Override
    public String idColumn() {
        return "id";
    }

    @Override
    public String signedInMember() {
        return "session_user";
    }

    @Override
    public String ownerName(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotADeskException();
                }
                return rs.getString(1);
            }
        }
    }

    @Override
    public boolean isOwner(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT session_user"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1).equals(ownerName(c));
        }
    }

    @Override
    public Moves moves(String member) {
        return new PostgresMoves();
    }

    @Override
    public MemberAdmin members() {
        return new PostgresMembers();
    }

    @Override
    public SchemaMigrator migrator() {
        return SchemaMigrator.postgres();
    }

    @Override
    public StoreException translateOpen(SQLException e, String description) {
        if (String.valueOf(e.getMessage()).contains("pg_hba.conf")) {
            return new StoreException("The desk's server does not accept this workstation's connection (its "
                    + "pg_hba.conf has no line for it): ask the server's administrator. " + e.getMessage(), e);
        }
        if (SqlErrors.anyState(e, SIGN_IN_REFUSED)) {
            return new SignInRefusedException(e);
        }
        if (SqlErrors.hasState(e, NO_SUCH_DATABASE)) {
            return new StoreException("There is no such database on the server (" + description + "): the server's "
                    + "administrator creates it, owned by the desk's owner (docs/shared-desk.md)", e);
        }
        String state = String.valueOf(e.getSQLState());
        if (state.startsWith("08")) {
            return new StoreException("Cannot reach the desk at " + description + ": " + e.getMessage(), e);
        }
        return new StoreException("Cannot open the desk at " + description + ": " + e.getMessage(), e);
    }

    @Override
    public boolean retryable(SQLException e) {
        return SqlErrors.anyState(e, RETRYABLE);
    }

    /** Whether a store argument names a PostgreSQL desk rather than a folder. */
    static boolean isUrl(String store) {
        String s = store.toLowerCase(Locale.ROOT);
        return s.startsWith("postgresql://") || s.startsWith("postgres://") || s.startsWith("jdbc:postgresql://");
    }

    /**
     * The JDBC URL for {@code postgresql://HOST[:PORT]/DATABASE[?PARAMS]} (libpq's form) or a {@code jdbc:postgresql:}
     * URL. Credentials never come from the URL: a member signs in with their own name and password.
     */
    static String jdbcUrl(String store) {
        String s = store.strip();
        String rest = s.substring(s.indexOf("://") + 3);
        URI uri = URI.create("postgresql://" + rest);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new StoreException("A PostgreSQL desk is given as postgresql://HOST[:PORT]/DATABASE[?sslmode=...]: "
                    + store);
        }
        if (uri.getUserInfo() != null) {
            throw new StoreException("Give the member with --user, not in the desk's address: the password is asked "
                    + "for, never written in a URL");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String param : query.split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.equals("user") || name.equals("password")) {
                    throw new StoreException("Give the member with --user, not in the desk's address: the password "
                            + "is asked for, never written in a URL");
                }
            }
        }
        return "jdbc:postgresql://" + uri.getRawAuthority() + uri.getRawPath() + (query == null ? "" : "?" + query);
    }

    /** The database has no desk schema: it is not (yet) a desk. */
    static final class NotADeskException extends SQLException {
        NotADeskException() {
            super("this database is not a WireDesk desk (it has no schema \"desk\")", "XWD02");
        }
    }
}
