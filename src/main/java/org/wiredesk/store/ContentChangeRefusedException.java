package org.wiredesk.store;

/** The database refused a change to a story's content or to history: the house rule, kept by Derby itself. */
public class ContentChangeRefusedException extends StoreException {
    public ContentChangeRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
