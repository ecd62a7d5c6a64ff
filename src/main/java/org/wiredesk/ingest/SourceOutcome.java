package org.wiredesk.ingest;

import java.util.List;

/** What ingesting one document (or one named source that failed) came to. */
public record SourceOutcome(String origin, String kind, int added, int duplicates, int rejected,
                            List<String> problems) {
    public SourceOutcome {
        problems = List.copyOf(problems);
    }

    /** One line for the command line and the log. */
    public String line() {
        String counts = added + " new, " + duplicates + " duplicate, " + rejected + " rejected";
        String detail = problems.isEmpty() ? "" : " — " + problems.get(0)
                + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
        return origin + " [" + kind + "]: " + counts + detail;
    }
}
