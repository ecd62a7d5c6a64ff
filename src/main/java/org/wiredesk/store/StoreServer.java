package org.wiredesk.store;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import org.apache.derby.drda.NetworkServerControl;

/**
 * Shares an embedded store with other workstations through Derby's Network Server. The content guard is plain
 * SQL in the schema, so it holds for remote clients exactly as for this one.
 */
public final class StoreServer implements AutoCloseable {
    private static final int PING_ATTEMPTS = 50;

    private final NetworkServerControl control;
    private final String host;
    private final int port;

    private StoreServer(NetworkServerControl control, String host, int port) {
        this.control = control;
        this.host = host;
        this.port = port;
    }

    /** Starts the server on host:port and waits until it answers; {@code log} null keeps it quiet. */
    public static StoreServer start(String host, int port, PrintWriter log) {
        try {
            NetworkServerControl control = new NetworkServerControl(InetAddress.getByName(host), port);
            control.start(log);
            for (int i = 0; ; i++) {
                try {
                    control.ping();
                    break;
                } catch (Exception notYet) {
                    if (i >= PING_ATTEMPTS) {
                        throw notYet;
                    }
                    Thread.sleep(100);
                }
            }
            return new StoreServer(control, host, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while starting the store server", e);
        } catch (Exception e) {
            throw new StoreException("Cannot share the store on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** What another workstation passes as {@code --store} to use this store. */
    public String clientStore(Path storeDirectory, String advertisedHost) {
        return "//" + advertisedHost + ":" + port + "/" + storeDirectory.toAbsolutePath().normalize();
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    @Override
    public void close() {
        try {
            control.shutdown();
        } catch (Exception e) {
            throw new StoreException("The store server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
