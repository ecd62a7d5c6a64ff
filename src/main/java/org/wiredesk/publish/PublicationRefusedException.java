package org.wiredesk.publish;

import org.wiredesk.story.WorkflowException;

/** A publication the verifier refused: the page would not carry the body exactly as ingested. */
public class PublicationRefusedException extends WorkflowException {
    public PublicationRefusedException(String message) {
        super(message);
    }
}
