package org.wiredesk.desk.inbox;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;
import org.wiredesk.story.StorySummary;

/**
 * Reports of one event from several agencies, folded into one row (its newest report) or shown whole for the one
 * expanded group, with how many there are and whether the desk already published one of them.
 */
final class EventGroups {
    /** Reports per event, for the events of the rows read so far (rows are read off the FX thread). */
    private final Map<Long, Integer> sizes = new ConcurrentHashMap<>();
    private volatile Set<Long> publishedClusters = Set.of();
    private long expanded;

    /** How many reports these events have in the view (counted by the store for the rows read). */
    void sizes(Map<Long, Integer> counted) {
        sizes.putAll(counted);
    }

    /** The events of which a report ran; true when that differs from what it was. */
    boolean publishedClusters(Set<Long> clusters) {
        boolean changed = !clusters.equals(publishedClusters);
        publishedClusters = clusters;
        return changed;
    }

    /** Folds every group again. */
    void collapse() {
        expanded = 0;
    }

    /** Shows every report of this row's event, or folds it back. */
    void toggle(StorySummary row) {
        expanded = expanded == row.group() ? 0 : row.group();
    }

    /** The event shown whole, or 0 when every event is folded to its newest report. */
    long expanded() {
        return expanded;
    }

    /** "3 reports", with "one published" when the desk already ran one of them; empty for a story alone. */
    String mark(StorySummary row) {
        int size = row.clusterId() == 0 ? 1 : sizes.getOrDefault(row.clusterId(), 1);
        boolean published = row.clusterId() != 0 && publishedClusters.contains(row.clusterId());
        if (size <= 1 && !published) {
            return "";
        }
        return (size > 1 ? size + " reports" : "") + (published ? (size > 1 ? " · " : "") + "one published" : "");
    }
}
