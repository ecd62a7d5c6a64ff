package org.wiredesk.publish;

/**
 * The site folder could not be written: its message is one sentence for the desk ("Permission denied: ..."), and
 * {@link #permissionDenied()} tells a refusal by the file system from other failures (a full disk, a file in the
 * way), which the command line reports as a bad path.
 */
public final class SiteWriteException extends RuntimeException {
    private final boolean permissionDenied;

    SiteWriteException(String message, boolean permissionDenied, Throwable cause) {
        super(message, cause);
        this.permissionDenied = permissionDenied;
    }

    public boolean permissionDenied() {
        return permissionDenied;
    }
}
