package org.wiredesk.story;

/** A workflow step refused: wrong role, wrong status, or a missing reason. The message is for the user. */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }
}
