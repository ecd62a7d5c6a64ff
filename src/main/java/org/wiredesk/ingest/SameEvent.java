package org.wiredesk.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether two reports tell of one event (ADR 22). Word overlap alone groups pages that merely share a topic
 * ("Python", "Docker"), so every one of these must agree:
 * <ul>
 *   <li>they come from <em>different sources</em>: the desk folds reports of one event from several agencies, and a
 *       feed's own items, however alike their text, are its separate items;</li>
 *   <li>their <em>source times</em>, where both are known, lie within {@link #APART} of each other;</li>
 *   <li>their <em>headlines</em> share at least {@link #HEADLINE_TERMS} terms (a headline names the event: who and
 *       what; one shared word is only a shared subject, such as a company or a language);</li>
 *   <li>headline and lead together reach a TF-IDF cosine of {@link #COSINE} (ADR 5), with the window's document
 *       frequencies, so words common in the window weigh little.</li>
 * </ul>
 */
final class SameEvent {
    /** TF-IDF cosine of headline and lead at or above which two reports may be of one event (ADR 5). */
    static final double COSINE = 0.15;
    /** Terms (not stop words) two headlines of one event share at least. */
    static final int HEADLINE_TERMS = 2;
    /** Reports of one event are published within the grouping window of each other. */
    static final Duration APART = StoryGrouper.WINDOW;
    /**
     * No online source published before this; earlier source times are placeholders (such as 0001-01-01) and are
     * read as unknown.
     */
    static final Instant PLAUSIBLE_SINCE = Instant.parse("1990-01-01T00:00:00Z");

    private SameEvent() {
    }

    /** One report as the comparison sees it. */
    record Report(String source, Instant publishedAtSource, Similarity.Terms terms) {
        Report {
            source = source == null ? "" : source.strip().toLowerCase(Locale.ROOT);
            publishedAtSource = publishedAtSource == null || publishedAtSource.isBefore(PLAUSIBLE_SINCE) ? null
                    : publishedAtSource;
        }
    }

    /** Whether the reports are of one event, with document frequencies over {@code docs} recent stories. */
    static boolean same(Report a, Report b, Map<String, Integer> df, int docs) {
        return differentSources(a, b) && closeInTime(a, b) && headlinesAgree(a, b)
                && Similarity.eventSimilarity(a.terms().counts(), b.terms().counts(), df, docs) >= COSINE;
    }

    /** Two stories can only be reports of one event, or copies of one text, when different sources sent them. */
    static boolean differentSources(Report a, Report b) {
        return a.source().isEmpty() || b.source().isEmpty() || !a.source().equals(b.source());
    }

    static boolean closeInTime(Report a, Report b) {
        return a.publishedAtSource() == null || b.publishedAtSource() == null
                || Duration.between(a.publishedAtSource(), b.publishedAtSource()).abs().compareTo(APART) <= 0;
    }

    static boolean headlinesAgree(Report a, Report b) {
        Set<String> small = a.terms().headline().size() <= b.terms().headline().size() ? a.terms().headline()
                : b.terms().headline();
        Set<String> large = small == a.terms().headline() ? b.terms().headline() : a.terms().headline();
        int shared = 0;
        for (String t : small) {
            if (large.contains(t) && ++shared >= HEADLINE_TERMS) {
                return true;
            }
        }
        return false;
    }
}
