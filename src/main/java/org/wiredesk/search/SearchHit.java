package org.wiredesk.search;

import org.wiredesk.story.StoryId;

/**
 * One full-text match: the story, and where it matched, as text with the matching words between
 * {@link #MARK_START} and {@link #MARK_END} so a screen can highlight them.
 */
public record SearchHit(StoryId id, String headline, String snippet, float score) {
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';
}
