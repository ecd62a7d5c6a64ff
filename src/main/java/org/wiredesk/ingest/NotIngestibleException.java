package org.wiredesk.ingest;

/** A document that cannot become stories: the message says why, for the quarantine and the user. */
public class NotIngestibleException extends Exception {
    public NotIngestibleException(String message) {
        super(message);
    }

    public NotIngestibleException(String message, Throwable cause) {
        super(message, cause);
    }
}
