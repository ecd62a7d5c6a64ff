package org.wiredesk.workflow;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wiredesk.story.CreditAddress;
import org.wiredesk.story.Role;
import org.wiredesk.story.Story;
import org.wiredesk.story.User;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.store.CreditRepository;

/**
 * The agencies' credit addresses (ADR 19): what a story without a web page of its own prints under its source, who
 * may set one, and why such a story cannot be approved while its agency has none. The database holds the same
 * rules (V012 / V006); approval binds the address in force to the story there.
 */
public final class Credits {
    private final CreditRepository credits;
    private final Clock clock;

    public Credits(CreditRepository credits, Clock clock) {
        this.credits = credits;
        this.clock = clock;
    }

    /** Whether this member may set credit addresses: an editor (who looks after the sources) or a desk chief. */
    public static boolean maySet(User user) {
        return user.has(Role.EDITOR) || user.has(Role.DESK_CHIEF);
    }

    /**
     * Sets the agency's credit address, as typed, from now on; stories approved before keep the address they were
     * approved with.
     *
     * @return the address as kept
     * @throws WorkflowException saying why, in one sentence, when the member may not or the address is not one
     */
    public CreditAddress set(User user, String sourceName, String typed) {
        if (!maySet(user)) {
            throw new WorkflowException(user.displayName() + " may not set credit addresses: that needs the editor "
                    + "or the desk chief role");
        }
        if (sourceName == null || sourceName.isBlank()) {
            throw new WorkflowException("A credit address is set for an agency: name it as its stories do");
        }
        URI address;
        try {
            address = CreditAddress.parse(typed);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(e.getMessage());
        }
        credits.set(sourceName, address, clock.instant());
        return credits.inForce(sourceName).orElseThrow();
    }

    /** The address in force for this agency, if one is set. */
    public Optional<CreditAddress> inForce(String sourceName) {
        return credits.inForce(sourceName);
    }

    /** Every address set for this agency, newest first. */
    public List<CreditAddress> history(String sourceName) {
        return credits.history(sourceName);
    }

    /** The address in force for every agency that has one, by name. */
    public Map<String, CreditAddress> allInForce() {
        return credits.allInForce();
    }

    /** The agencies whose stories have no web page of their own, with how many stories each. */
    public Map<String, Integer> agenciesWithoutWebPages() {
        return credits.agenciesWithoutWebPages();
    }

    /**
     * What the story's page would print under its source if approved now: its own web page, the address its
     * approval bound, else its agency's credit address in force; empty when there is none of these.
     */
    public Optional<SourceLine> sourceLine(Story story) {
        if (story.webAddress().isPresent()) {
            return Optional.of(new SourceLine(story.sourceName(), story.webAddress().get(), false));
        }
        if (story.pageAddress().isPresent()) {
            return Optional.of(new SourceLine(story.sourceName(), story.pageAddress().get(), true));
        }
        return inForce(story.sourceName()).map(c -> new SourceLine(story.sourceName(), c.address(), true));
    }

    /** The line under a page: the source's name and the address printed, and whether that is a credit address. */
    public record SourceLine(String sourceName, URI address, boolean credit) {
        /** As the editor and the approval screen show it. */
        public String describe() {
            return sourceName + " · " + address + (credit ? " (the agency's credit address: the report has no web "
                    + "page of its own)" : "");
        }
    }

    /** Why the story cannot be approved whatever anyone does (no address to print under its source), if so. */
    public Optional<String> cannotApproveBecause(Story story) {
        return cannotApproveBecause(story, story.webAddress().isPresent() ? Optional.empty()
                : inForce(story.sourceName()));
    }

    /** The same, given the credit address in force for the story's agency (or none). */
    public static Optional<String> cannotApproveBecause(Story story, Optional<CreditAddress> credit) {
        if (story.webAddress().isPresent() || credit.isPresent()) {
            return Optional.empty();
        }
        String agency = "«" + story.sourceName() + "»";
        if (story.url() == null) {
            return Optional.of("Story " + story.id() + " has no web page of its own and no credit address is set for "
                    + agency + ", so it cannot be approved: every page ends with its source and URL (set one on the "
                    + "Sources screen)");
        }
        return Optional.of("Story " + story.id() + "'s source URL is not a web address (" + story.url().getScheme()
                + ") and no credit address is set for " + agency + ", so it cannot be approved: every page ends "
                + "with its source and a link readers can follow (set one on the Sources screen)");
    }
}
