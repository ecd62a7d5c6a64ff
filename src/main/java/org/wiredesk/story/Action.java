package org.wiredesk.story;

import java.util.EnumSet;
import java.util.Set;

/** The workflow: each thing a desk member can do to a story, from which statuses, to which, and by whom. */
public enum Action {
    SPIKE("Spike", EnumSet.of(Status.NEW, Status.EDITING, Status.REJECTED), Status.SPIKED, Role.EDITOR, false),
    UNSPIKE("Unspike", EnumSet.of(Status.SPIKED), Status.NEW, Role.EDITOR, false),
    DRAFT("Save draft", EnumSet.of(Status.NEW, Status.EDITING, Status.REJECTED), Status.EDITING, Role.COPY_EDITOR, false),
    SUBMIT("Submit for approval", EnumSet.of(Status.NEW, Status.EDITING, Status.REJECTED), Status.SUBMITTED,
            Role.COPY_EDITOR, false),
    APPROVE("Approve", EnumSet.of(Status.SUBMITTED), Status.APPROVED, Role.DESK_CHIEF, false),
    REJECT("Reject", EnumSet.of(Status.SUBMITTED), Status.REJECTED, Role.DESK_CHIEF, true),
    PUBLISH("Publish", EnumSet.of(Status.APPROVED), Status.PUBLISHED, Role.DESK_CHIEF, false),
    /** The publisher refused the story: it is held back with the reason, and the rest of the run goes on. */
    HOLD("Hold", EnumSet.of(Status.APPROVED), Status.HELD, Role.DESK_CHIEF, true),
    /** A held story goes back to the copy editor, as a rejection with the reason. */
    SEND_BACK("Send back", EnumSet.of(Status.HELD), Status.REJECTED, Role.DESK_CHIEF, true),
    CORRECT("Correct", EnumSet.of(Status.PUBLISHED), Status.PUBLISHED, Role.DESK_CHIEF, true),
    KILL("Kill", EnumSet.of(Status.PUBLISHED), Status.KILLED, Role.DESK_CHIEF, true);

    private final String label;
    private final Set<Status> from;
    private final Status to;
    private final Role role;
    private final boolean needsReason;

    Action(String label, Set<Status> from, Status to, Role role, boolean needsReason) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.role = role;
        this.needsReason = needsReason;
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    public Status target() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    public boolean allowedFrom(Status status) {
        return from.contains(status);
    }

    public boolean allowedFor(User user) {
        return user.has(role);
    }

    /** The status after this action, or an explanation of why it cannot be taken. */
    public Status apply(Status current, User user, String reason) {
        if (!allowedFor(user)) {
            throw new WorkflowException(user.displayName() + " may not " + label.toLowerCase()
                    + ": that needs the " + role.label().toLowerCase() + " role");
        }
        if (!allowedFrom(current)) {
            throw new WorkflowException("cannot " + label.toLowerCase() + " a story that is "
                    + current.label().toLowerCase());
        }
        if (needsReason && (reason == null || reason.isBlank())) {
            throw new WorkflowException(label + " needs a reason");
        }
        return to;
    }
}
