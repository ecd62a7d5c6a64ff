package org.wiredesk.story;

import java.time.Instant;

/** How a source has been doing: last success, last error, failures in a row, next poll, items in the last day. */
public record SourceHealth(Instant lastSuccess, String lastError, Instant lastErrorAt, int failures,
                           Instant nextPoll, int itemsLast24h) {
}
