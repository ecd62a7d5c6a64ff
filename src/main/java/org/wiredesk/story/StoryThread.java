package org.wiredesk.story;

import java.util.List;
import java.util.Optional;

/**
 * A story's thread, oldest first, in the order of the history chain: what the copy editor and the desk chief said
 * to each other about it. Answers the two questions the screens ask of it.
 */
public record StoryThread(List<ThreadEntry> entries) {
    public StoryThread {
        entries = List.copyOf(entries);
    }

    /**
     * The reason the story was last sent back, when that is the last thing that happened to it: a rejected story
     * opens with it in view. Empty once it was submitted again.
     */
    public Optional<ThreadEntry> rejection() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            ThreadEntry e = entries.get(i);
            if (e.kind() == ThreadEntry.Kind.REJECTED) {
                return Optional.of(e);
            }
            if (e.kind() == ThreadEntry.Kind.SUBMITTED) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The override given with the latest submission, if it went in over house style. */
    public Optional<ThreadEntry> styleOverride() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            ThreadEntry e = entries.get(i);
            if (e.kind() == ThreadEntry.Kind.STYLE_OVERRIDE) {
                return Optional.of(e);
            }
            if (e.kind() == ThreadEntry.Kind.SUBMITTED) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
