package org.wiredesk.publish;

import java.util.Optional;
import org.wiredesk.story.StoryId;

/**
 * The markup fingerprint ({@code Fingerprint.ofHtml}) a story's body had when it was ingested, where the store
 * knows it. A seam until {@code Body} carries that fingerprint itself; then the publisher reads it from the story.
 */
@FunctionalInterface
public interface MarkupFingerprints {
    Optional<String> atIngest(StoryId id);

    /** For a store that does not keep markup fingerprints yet: the markup is then checked by sanitizing it again. */
    static MarkupFingerprints unknown() {
        return id -> Optional.empty();
    }
}
