package org.wiredesk.story;

/** Where a story stands on its way from the wire to the site. */
public enum Status {
    NEW("New"),
    EDITING("Editing"),
    SUBMITTED("Submitted"),
    REJECTED("Rejected"),
    APPROVED("Approved"),
    /** Refused at publish time (its reason is in the history): waits for the desk chief to send it back. */
    HELD("Held"),
    PUBLISHED("Published"),
    KILLED("Killed"),
    SPIKED("Spiked");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
