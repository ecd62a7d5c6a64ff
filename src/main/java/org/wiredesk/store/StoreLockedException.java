package org.wiredesk.store;

/** The database is already open in another process that holds it embedded. */
public class StoreLockedException extends StoreException {
    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
