package org.wiredesk.desk.inbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wiredesk.story.StorySummary;

/**
 * Reports of one event from several agencies, folded into one row (its newest report) or shown whole for the one
 * expanded group, with how many there are and whether the desk already published one of them.
 */
final class EventGroups {
    private final Map<Long, Integer> sizes = new HashMap<>();
    private Set<Long> publishedClusters = Set.of();
    private long expanded;

    /** Counts the reports of each event among the loaded rows. */
    void count(List<StorySummary> loaded) {
        sizes.clear();
        loaded.forEach(r -> sizes.merge(r.group(), 1, Integer::sum));
    }

    void publishedClusters(Set<Long> clusters) {
        publishedClusters = clusters;
    }

    /** Folds every group again. */
    void collapse() {
        expanded = 0;
    }

    /** Shows every report of this row's event, or folds it back. */
    void toggle(StorySummary row) {
        expanded = expanded == row.group() ? 0 : row.group();
    }

    /** One row per event (rows come newest first, so its newest report), or the whole of the expanded group. */
    List<StorySummary> fold(List<StorySummary> in) {
        if (expanded != 0) {
            return in.stream().filter(r -> r.group() == expanded).toList();
        }
        Set<Long> seen = new HashSet<>();
        return in.stream().filter(r -> seen.add(r.group())).toList();
    }

    /** "3 reports", with "one published" when the desk already ran one of them; empty for a story alone. */
    String mark(StorySummary row) {
        int size = sizes.getOrDefault(row.group(), 1);
        boolean published = row.clusterId() != 0 && publishedClusters.contains(row.clusterId());
        if (size <= 1 && !published) {
            return "";
        }
        return (size > 1 ? size + " reports" : "") + (published ? (size > 1 ? " · " : "") + "one published" : "");
    }
}
