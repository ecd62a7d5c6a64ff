package org.wiredesk.store.postgresql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One test run's share of an external PostgreSQL. Roles and databases are the cluster's and outlive a run (a JVM
 * killed mid-run leaves its own), and two runs may share a server (a developer and CI), so every name a run makes ends
 * in {@code _<run><four digits>}, with a run number drawn at random and checked unused on the server. When the JVM
 * exits, the run drops the databases and roles whose names it owns, and nothing else.
 */
final class ExternalRun {
    private static final int RUNS = 200_000;
    private static final int TRIES = 20;

    private final ExternalPostgres server;
    private final int number;

    private ExternalRun(ExternalPostgres server, int number) {
        this.server = server;
        this.number = number;
    }

    /** Signs in to the server and draws a run number no role or database on it uses yet. */
    static ExternalRun begin(ExternalPostgres server, int runSize) {
        if ((long) RUNS * runSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("run numbers times " + runSize + " do not fit in an int");
        }
        SecureRandom random = new SecureRandom();
        try (Connection c = server.superuser("postgres")) {
            for (int i = 0; i < TRIES; i++) {
                ExternalRun run = new ExternalRun(server, 1 + random.nextInt(RUNS - 1));
                if (run.names(c, "pg_roles", "rolname").isEmpty() && run.names(c, "pg_database", "datname").isEmpty()) {
                    return run;
                }
            }
        } catch (SQLException e) {
            // fail loudly: falling back to the embedded server would pass a run that was meant to test another
            throw new IllegalStateException("the PostgreSQL named by " + TestPostgres.EXTERNAL
                    + " could not be reached, or refused " + server.user() + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("no unused run number after " + TRIES + " tries");
    }

    int number() {
        return number;
    }

    /** Drops this run's databases (closing what is still connected), then its roles. Best effort: it runs at exit. */
    void dropWhatItMade() {
        List<String> left = new ArrayList<>();
        try (Connection c = server.superuser("postgres"); Statement st = c.createStatement()) {
            List<String> drops = new ArrayList<>();
            names(c, "pg_database", "datname").forEach(d -> drops.add("DROP DATABASE " + quoted(d) + " WITH (FORCE)"));
            names(c, "pg_roles", "rolname").forEach(r -> drops.add("DROP ROLE " + quoted(r)));
            for (String drop : drops) {
                try {
                    st.execute(drop);
                } catch (SQLException e) {
                    left.add(drop + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            left.add(e.getMessage());
        }
        if (!left.isEmpty()) {
            System.err.println("test run " + number + " left some of its databases or roles behind: " + left);
        }
    }

    private List<String> names(Connection c, String catalog, String column) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + column + " FROM " + catalog + " WHERE " + column + " ~ ? ORDER BY 1")) {
            ps.setString(1, "_" + number + "[0-9]{4}$");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
