package org.wiredesk.store;

/** The database refused a step the member's roles or the desk's rules do not allow (its own check, not ours). */
public class RefusedByStoreException extends StoreException {
    public RefusedByStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
