package org.wiredesk.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a member's idle connections for reuse. Signing in costs Derby a password hash per connection (NATIVE
 * authentication), and the repositories open a connection per call; without a pool that doubled ingest time. A
 * connection handed out is a proxy whose {@code close()} rolls back anything uncommitted and returns it here.
 */
final class ConnectionPool {
    /** How to open a new connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private static final int MAX_IDLE = 8;
    /** A connection idle longer than this is asked whether it still works before it is handed out. */
    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;

    private final Opener opener;
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** When each idle connection was given back (a server may have dropped it since). */
    private final java.util.Map<Connection, Long> idleSince = new java.util.IdentityHashMap<>();

    ConnectionPool(Opener opener) {
        this.opener = opener;
    }

    Connection borrow() throws SQLException {
        Connection raw;
        while (true) {
            Long since;
            synchronized (idle) {
                raw = idle.pollFirst();
                since = raw == null ? null : idleSince.remove(raw);
            }
            if (raw == null) {
                raw = opener.open();
                break;
            }
            // a store shut down since closes its connections, and a server may have dropped one (a restart, a
            // network cut, an administrator): those are dropped here rather than handed out
            boolean fresh = since == null || System.nanoTime() - since < CHECK_AFTER_IDLE_NANOS;
            if (!raw.isClosed() && (fresh || raw.isValid(2))) {
                break;
            }
            closeQuietly(raw);
        }
        return wrap(raw);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // a broken connection goes either way
        }
    }

    /** Closes every idle connection (before the store shuts down, or when the member signs out). */
    void clear() {
        synchronized (idle) {
            for (Connection c : idle) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing what is no longer wanted
                }
            }
            idle.clear();
            idleSince.clear();
        }
    }

    private void giveBack(Connection raw) {
        try {
            if (raw.isClosed()) {
                return;
            }
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
            raw.clearWarnings();
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.addFirst(raw);
                    idleSince.put(raw, System.nanoTime());
                    return;
                }
            }
            raw.close();
        } catch (SQLException e) {
            try {
                raw.close();
            } catch (SQLException ignored) {
                // the connection is broken either way
            }
        }
    }

    private Connection wrap(Connection raw) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                giveBack(raw);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed.get() || raw.isClosed();
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                            if (closed.get()) {
                                throw new SQLException("the connection was closed", "08003");
                            }
                        }
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
