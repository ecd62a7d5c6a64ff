package org.wiredesk.story;

/** What a desk member may do. */
public enum Role {
    /** Triages the inbox: ingests, spikes and unspikes. */
    EDITOR("Editor"),
    /** Writes house headlines and submits them for approval. */
    COPY_EDITOR("Copy editor"),
    /** Approves, rejects, publishes, corrects and kills. */
    DESK_CHIEF("Desk chief");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
