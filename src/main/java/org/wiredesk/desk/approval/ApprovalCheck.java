package org.wiredesk.desk.approval;

import org.wiredesk.story.Action;
import java.util.Optional;
import org.wiredesk.story.User;
import org.wiredesk.workflow.DeskService;

/**
 * What the desk chief should know about approving the chosen story before clicking: why it cannot be approved
 * (approve is off), or what approving will record (approve is on, read first). The service refuses the same cases.
 *
 * @param blocked one sentence saying why this member cannot approve this story, empty when they can
 * @param warning one sentence the member should read before approving, empty when there is none
 */
public record ApprovalCheck(String blocked, String warning) {
    static final String OWN_WORK = "You wrote this headline or submitted this story: another desk chief must "
            + "approve it.";
    static final String SELF_APPROVAL = "One-person desk: you wrote this headline or submitted this story, so "
            + "your approval will be recorded as self-approved.";

    public ApprovalCheck {
        blocked = blocked == null ? "" : blocked;
        warning = warning == null ? "" : warning;
    }

    /**
     * The check for this member and story, given why the story can never be approved as it stands (if so: see
     * {@link DeskService#cannotApproveBecause}), whether it is their own work and what kind of desk this is.
     */
    public static ApprovalCheck of(User user, Optional<String> never, DeskService.FourEyes eyes) {
        if (!Action.APPROVE.allowedFor(user)) {
            return new ApprovalCheck("Approving needs the desk chief role.", "");
        }
        if (never.isPresent()) {
            return new ApprovalCheck(sentence(never.get()), "");
        }
        if (!eyes.allowed()) {
            return new ApprovalCheck(OWN_WORK, "");
        }
        return new ApprovalCheck("", eyes.self() ? SELF_APPROVAL : "");
    }

    public boolean approvable() {
        return blocked.isEmpty();
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }
}
