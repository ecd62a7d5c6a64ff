package org.wiredesk.desk.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.wiredesk.story.StorySummary;

/**
 * What the inbox narrows its view to, besides the words typed: a source, priority only, a time window, a language.
 * A saved desk view is a name and one of these with its status view and words.
 *
 * @param source the source's name, or null for any
 * @param language a language's primary subtag ("en"), or null for any
 */
public record InboxFilter(String source, boolean priorityOnly, Window window, String language) {
    /** How far back the inbox looks. */
    public enum Window {
        ANY("Any time", null), HOUR("Last hour", Duration.ofHours(1)), SIX_HOURS("Last 6 hours", Duration.ofHours(6)),
        DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7));

        private final String label;
        private final Duration span;

        Window(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        /** How far back, or null for any time. */
        public Duration span() {
            return span;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final InboxFilter NONE = new InboxFilter(null, false, Window.ANY, null);

    public InboxFilter {
        window = window == null ? Window.ANY : window;
        source = source == null || source.isBlank() ? null : source;
        language = language == null || language.isBlank() ? null : primary(language);
    }

    public boolean isNone() {
        return source == null && !priorityOnly && window == Window.ANY && language == null;
    }

    public boolean matches(StorySummary s, Instant now) {
        if (source != null && !source.equals(s.sourceName())) {
            return false;
        }
        if (priorityOnly && !s.priority()) {
            return false;
        }
        if (window.span != null && s.received().isBefore(now.minus(window.span))) {
            return false;
        }
        return language == null || s.language() != null && primary(s.language()).equals(language);
    }

    /** "en-GB", "en_US" and "EN" are all "en". */
    public static String primary(String language) {
        String l = language.strip().toLowerCase(Locale.ROOT);
        int cut = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
        return cut > 0 ? l.substring(0, cut) : l;
    }
}
