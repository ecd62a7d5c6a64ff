package org.wiredesk.story;

import java.util.List;

/**
 * A copy editor's decision to submit a headline over house style: the errors it overrode (as they were shown) and
 * the reason, which the desk chief reads before approving and the history keeps.
 */
public record StyleOverride(String reason, List<String> errors) {
    /** The most the store keeps of the errors, one per line. */
    public static final int MAX_ERRORS_TEXT = 4000;

    public StyleOverride {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override of house style needs a reason");
        }
        reason = reason.strip();
        if (reason.length() > ThreadEntry.MAX_TEXT) {
            throw new IllegalArgumentException("the reason for the override is longer than "
                    + ThreadEntry.MAX_TEXT + " characters");
        }
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an override of house style names the errors it overrides");
        }
        errors = List.copyOf(errors);
    }

    /** The errors one per line, as the store keeps them: as many whole lines as fit. */
    public String errorLines() {
        StringBuilder out = new StringBuilder();
        for (String error : errors) {
            String line = error.replace('\n', ' ').strip();
            if (out.length() + line.length() + 1 > MAX_ERRORS_TEXT) {
                break;
            }
            out.append(out.length() == 0 ? "" : "\n").append(line);
        }
        return out.toString();
    }
}
