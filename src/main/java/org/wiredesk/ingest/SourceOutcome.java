package org.wiredesk.ingest;

import java.util.List;

/** What ingesting one document (or one named source that failed) came to. */
public record SourceOutcome(String origin, String kind, int added, int duplicates, int rejected,
                            List<String> problems, int updatedAtSource, boolean refusedWhole) {
    public SourceOutcome {
        problems = List.copyOf(problems);
    }

    public SourceOutcome(String origin, String kind, int added, int duplicates, int rejected, List<String> problems) {
        this(origin, kind, added, duplicates, rejected, problems, 0, false);
    }

    /** The whole document refused (not a feed, not an article, unreadable), with the reason. */
    static SourceOutcome refused(String origin, String kind, String reason) {
        return new SourceOutcome(origin, kind, 0, 0, 1, List.of(reason), 0, true);
    }

    /** One line for the command line and the log; items updated at source count as duplicates, and are named. */
    public String line() {
        String counts = added + " new, " + duplicates + " duplicate, " + rejected + " rejected"
                + (updatedAtSource > 0 ? " (" + updatedAtSource + " updated at source)" : "");
        String detail = problems.isEmpty() ? "" : " — " + problems.get(0)
                + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
        return origin + " [" + kind + "]: " + counts + detail;
    }
}
