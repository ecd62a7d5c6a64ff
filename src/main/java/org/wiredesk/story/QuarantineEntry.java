package org.wiredesk.story;

import java.time.Instant;

/** Input that could not be ingested, kept with the reason so nothing is lost and it can be retried. */
public record QuarantineEntry(long id, String origin, String reason, Instant at, int size) {
}
