package org.wiredesk.ingest;

import java.util.List;

/** The outcome of one ingest run, per document and in total. */
public record IngestReport(List<SourceOutcome> outcomes) {
    public IngestReport {
        outcomes = List.copyOf(outcomes);
    }

    public int added() {
        return outcomes.stream().mapToInt(SourceOutcome::added).sum();
    }

    public int duplicates() {
        return outcomes.stream().mapToInt(SourceOutcome::duplicates).sum();
    }

    public int rejected() {
        return outcomes.stream().mapToInt(SourceOutcome::rejected).sum();
    }

    public int updatedAtSource() {
        return outcomes.stream().mapToInt(SourceOutcome::updatedAtSource).sum();
    }

    public String summary() {
        int updated = updatedAtSource();
        return added() + " new, " + duplicates() + " duplicate, " + rejected() + " rejected"
                + (updated > 0 ? " (" + updated + " updated at source)" : "");
    }
}
