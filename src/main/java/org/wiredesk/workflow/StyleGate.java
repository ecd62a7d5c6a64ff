package org.wiredesk.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.wiredesk.story.Headline;
import org.wiredesk.story.StyleOverride;
import org.wiredesk.story.ThreadEntry;
import org.wiredesk.story.WorkflowException;
import org.wiredesk.style.HouseStyle;
import org.wiredesk.style.StyleIssue;

/**
 * House style with teeth, at submission: a headline with a style error goes to the desk chief only with a reason
 * for the override, and the override names every error it overrides. The service checks the rules that read the
 * same on every workstation (length, banned words); the width in pixels depends on the fonts a screen has, so the
 * editor adds the width errors it showed, and the override covers those too.
 */
final class StyleGate {
    private final Supplier<HouseStyle> style;

    StyleGate(Supplier<HouseStyle> style) {
        this.style = style;
    }

    /** The headline's house-style errors (not warnings) that need no screen to find. */
    List<StyleIssue> errors(String headline) {
        return style.get().check(headline, null).stream()
                .filter(i -> i.severity() == StyleIssue.Severity.ERROR).toList();
    }

    /**
     * What a submission of this headline keeps of an override: null when there is nothing to override. Refuses a
     * headline with errors but no reason, naming the first error, and a reason with no error to override.
     *
     * @param reason the copy editor's reason, or null or blank for none
     * @param shown the errors the member's screen showed (the width among them), or empty
     */
    StyleOverride check(Headline headline, String reason, List<String> shown) {
        Set<String> errors = new LinkedHashSet<>();
        errors(headline.text()).forEach(i -> errors.add(i.message()));
        shown.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).forEach(errors::add);
        boolean given = reason != null && !reason.isBlank();
        if (errors.isEmpty()) {
            if (given) {
                throw new WorkflowException("The headline “" + headline.text() + "” meets house style: there is no "
                        + "error to override, so submit it without a reason for one");
            }
            return null;
        }
        if (!given) {
            throw new WorkflowException("The headline breaks house style (" + errors.iterator().next() + "): fix "
                    + "it, or give a reason to submit it over house style");
        }
        if (reason.strip().length() > ThreadEntry.MAX_TEXT) {
            throw new WorkflowException("The reason for the override is longer than " + ThreadEntry.MAX_TEXT
                    + " characters: say it shorter");
        }
        return new StyleOverride(reason, new ArrayList<>(errors));
    }
}
