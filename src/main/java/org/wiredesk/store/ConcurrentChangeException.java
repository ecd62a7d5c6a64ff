package org.wiredesk.store;

/** Someone else changed the story first; reload and try again. */
public class ConcurrentChangeException extends StoreException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
