package org.wiredesk.story;

import java.time.Instant;

/** One step in a story's history: who moved it from which status to which, when and why. */
public record StatusChange(long id, StoryId storyId, Status from, Status to, String actor, Instant at,
                           String reason) {
}
