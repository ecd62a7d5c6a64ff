package org.wiredesk.story;

import java.time.Instant;

/** One saved revision of a story's house headline, with who wrote it and when. */
public record HeadlineDraft(long id, StoryId storyId, Headline headline, String author, Instant at) {
}
