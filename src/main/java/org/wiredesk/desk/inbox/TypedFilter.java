package org.wiredesk.desk.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wiredesk.story.StorySummary;

/**
 * Filters the loaded inbox rows by what is typed (headline and source) and the narrowing. Typing on (a filter that
 * extends the last one) only re-checks the rows the last one matched, so each keystroke costs less than the one
 * before. The lower-case keys are built on the first keystroke after a load, not on every load.
 */
final class TypedFilter {
    private List<StorySummary> rows = List.of();
    private String[] keys;
    private int[] lastMatches;
    private String lastText;

    /** New rows were loaded: every key and remembered match is stale. */
    void load(List<StorySummary> loaded) {
        rows = loaded;
        keys = null;
        forget();
    }

    /** The narrowing changed or something else was shown: the next filter starts from all rows. */
    void forget() {
        lastText = null;
        lastMatches = null;
    }

    /** The rows matching {@code typed} (any case) and the narrowing, in load order. */
    List<StorySummary> select(String typed, InboxFilter narrowing, Instant now) {
        String f = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            forget();
            return narrowing.isNone() ? rows : rows.stream().filter(r -> narrowing.matches(r, now)).toList();
        }
        if (keys == null) {
            keys = new String[rows.size()];
            for (int i = 0; i < keys.length; i++) {
                StorySummary s = rows.get(i);
                keys[i] = (s.runningHeadline().text() + "\u0000" + s.sourceName()).toLowerCase(Locale.ROOT);
            }
        }
        int[] candidates = lastText != null && !lastText.isEmpty() && f.contains(lastText) ? lastMatches : null;
        int n = candidates == null ? keys.length : candidates.length;
        int[] matches = new int[n];
        int found = 0;
        for (int k = 0; k < n; k++) {
            int i = candidates == null ? k : candidates[k];
            if (keys[i].contains(f) && (narrowing.isNone() || narrowing.matches(rows.get(i), now))) {
                matches[found++] = i;
            }
        }
        lastMatches = Arrays.copyOf(matches, found);
        lastText = f;
        List<StorySummary> shown = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            shown.add(rows.get(lastMatches[k]));
        }
        return shown;
    }
}
