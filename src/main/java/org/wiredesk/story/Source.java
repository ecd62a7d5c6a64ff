package org.wiredesk.story;

import java.time.Duration;
import java.util.Objects;

/**
 * One of the desk's sources: a feed, an article page or a drop folder, how often to poll it, and the agency credit
 * printed under its stories (when blank, the feed's own title).
 *
 * @param id the store's identity, 0 before it is stored
 */
public record Source(long id, String name, String address, Kind kind, Duration pollInterval, String credit,
                     boolean enabled) {
    /** What a source is. */
    public enum Kind {
        FEED("Feed"), PAGE("Article page"), FOLDER("Drop folder");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);

    public Source {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a source needs an address or folder");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("poll a source at most every " + MIN_INTERVAL.toSeconds() + " s");
        }
        name = name.strip();
        address = address.strip();
        credit = credit == null || credit.isBlank() ? null : credit.strip();
    }
}
