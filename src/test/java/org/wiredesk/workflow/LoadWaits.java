package org.wiredesk.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wiredesk.store.postgresql.TestPostgres;

/**
 * Samples what the members' server processes are doing (pg_stat_activity, as the cluster's superuser) while the
 * clients run: working, waiting for a lock another transaction holds, or idle between a client's statements.
 */
final class LoadWaits implements AutoCloseable {
    private final String database;
    private final String members;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, Integer> tupleWaits = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Connection c;

    /** The desk's database by its JDBC URL; the members' login names match {@code members} (a regex). */
    LoadWaits(String url, String members) {
        this.database = url.substring(url.lastIndexOf('/') + 1);
        this.members = members;
    }

    void start() throws SQLException {
        c = TestPostgres.superuser(database);
        timer.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        try (Statement st = c.createStatement(); PreparedStatement ps = c.prepareStatement("""
                SELECT state, wait_event_type, wait_event FROM pg_stat_activity
                WHERE datname = current_database() AND usename ~ ?""")) {
            ps.setString(1, members);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(1);
                    String waiting = rs.getString(2) == null ? null : rs.getString(2) + ":" + rs.getString(3);
                    String what = !"active".equals(state) ? String.valueOf(state)
                            : waiting == null ? "working" : "waiting " + waiting;
                    counts.merge(what, 1, Integer::sum);
                }
            }
            // whose row the queue is for: the waiters after the first wait on the row's tuple lock
            try (ResultSet locks = st.executeQuery(
                    "SELECT relation::regclass::text FROM pg_locks WHERE NOT granted AND locktype = 'tuple'")) {
                while (locks.next()) {
                    tupleWaits.merge(locks.getString(1), 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            counts.merge("sample failed", 1, Integer::sum);
        }
    }

    synchronized String summary() {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append(String.format("%s %.0f%%, ", e.getKey(), 100.0 * e.getValue() / total)));
        return b.length() == 0 ? "no samples" : b.substring(0, b.length() - 2) + " (" + total + " samples); "
                + "tuple-lock waits by table: " + tupleWaits;
    }

    /** Deadlocks the server detected in the desk's database (its statistics lag by up to half a second). */
    long deadlocks() throws Exception {
        Thread.sleep(1_000);
        try (Connection own = TestPostgres.superuser(database);
             Statement st = own.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (this) {
            if (c != null) {
                c.close();
            }
        }
    }
}
