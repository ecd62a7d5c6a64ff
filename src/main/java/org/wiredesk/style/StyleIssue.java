package org.wiredesk.style;

/**
 * One house-style slip in a headline: which rule, what to tell the copy editor, where it is, and the corrected
 * headline when the fix is certain (null when only a person can decide).
 */
public record StyleIssue(String rule, String message, int start, int end, String fixed, Severity severity) {
    /** How much a slip matters: an error blocks submission in the desk's eyes, a warning is advice. */
    public enum Severity { ERROR, WARNING }

    public boolean fixable() {
        return fixed != null;
    }
}
