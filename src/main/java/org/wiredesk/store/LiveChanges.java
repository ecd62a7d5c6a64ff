package org.wiredesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Follows a shared desk as it changes: a connection of its own listens on the desk's channel ({@code LISTEN
 * wiredesk}; the desk's triggers {@code NOTIFY} it when a change commits) and calls back at once, on this
 * follower's thread. A lost connection is made again, with a pause that grows to ten seconds, and the callback is
 * called once it is back (what was announced meanwhile is not kept by the server).
 */
final class LiveChanges implements AutoCloseable {
    static final String CHANNEL = "wiredesk";
    private static final int WAIT_MS = 500;
    private static final long MAX_PAUSE_MS = 10_000;

    private final Database database;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;
    /** Counted down once the first LISTEN is in place (or the first try failed). */
    private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    private LiveChanges(Database database, Runnable onChange) {
        this.database = database;
        this.onChange = onChange;
        this.thread = new Thread(this::follow, "wiredesk-live-changes");
        thread.setDaemon(true);
    }

    /**
     * Starts following, and returns once the desk's announcements are being listened to (so no change committed
     * after this returns goes unheard), or after five seconds when the server cannot be reached yet; close to stop.
     */
    static LiveChanges start(Database database, Runnable onChange) {
        LiveChanges live = new LiveChanges(database, onChange);
        live.thread.start();
        try {
            live.started.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return live;
    }

    private void follow() {
        long pause = 500;
        boolean reconnecting = false;
        while (!closed) {
            try (Connection c = database.connectUnpooled()) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                started.countDown();
                pause = 500;
                if (reconnecting) {
                    onChange.run();
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notes = pg.getNotifications(WAIT_MS);
                    if (notes != null && notes.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                reconnecting = true;
                started.countDown();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            } finally {
                listening = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // stopping: the connection goes either way
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
