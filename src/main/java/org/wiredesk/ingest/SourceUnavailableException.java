package org.wiredesk.ingest;

/** A named source could not be read at all (missing path, unreadable file, HTTP failure). */
public class SourceUnavailableException extends Exception {
    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
