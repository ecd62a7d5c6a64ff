package org.wiredesk.story;

/** The store's identity of one wire story. */
public record StoryId(long value) {
    public StoryId {
        if (value <= 0) {
            throw new IllegalArgumentException("story id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
