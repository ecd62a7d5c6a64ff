package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the same-event rule one at a time, on small texts. */
class SameEventTest {
    private static SameEvent.Report report(String source, String publishedAtSource, String headline, String body) {
        return new SameEvent.Report(source, publishedAtSource == null ? null : Instant.parse(publishedAtSource),
                Similarity.parse(Similarity.leadTerms(headline, body)));
    }

    @Test
    void stopWordsAreThoseOfTheTextsOwnLanguage() {
        String german = Similarity.leadTerms("Der Streit um die Rente geht weiter",
                "Die Regierung und der Bundestag streiten weiter über die Rente, sagte man am Montag in Berlin.");
        String english = Similarity.leadTerms("The man whose duvet nearly killed him",
                "A man developed a lung condition after he bought a new feather duvet, doctors said.");
        assertThat(Similarity.parse(german).counts()).containsKeys("streit", "rente", "regierung")
                .doesNotContainKeys("der", "die", "und", "man", "über");
        assertThat(Similarity.parse(english).counts()).containsKeys("man", "duvet", "killed")
                .doesNotContainKeys("the", "him", "after", "said");
    }

    @Test
    void headlineTermsAreMarkedAndTermsStoredBeforeStillParse() {
        Similarity.Terms terms = Similarity.parse(Similarity.leadTerms("Harbour reopens after storm",
                "The harbour reopened on Tuesday after three days of closure, officials said."));
        assertThat(terms.headline()).containsExactlyInAnyOrder("harbour", "reopens", "storm");
        assertThat(terms.counts()).containsKeys("harbour", "reopened", "closure");

        Similarity.Terms legacy = Similarity.parse("harbour:4 reopens:2 closure:1");
        assertThat(legacy.counts()).isEqualTo(Map.of("harbour", 4, "reopens", 2, "closure", 1));
        assertThat(legacy.headline()).isEmpty();
    }

    @Test
    void headlinesMustShareTwoTermsNotJustASubject() {
        SameEvent.Report release = report("Python Insider", null, "Python 3.6.0 is now available!",
                "Python 3.6.0 is the newest major release of the Python language.");
        SameEvent.Report mistakes = report("Toptal", null, "The 10 most common mistakes Python developers make",
                "Python is an interpreted, object-oriented language; developers make these mistakes.");
        SameEvent.Report arrest = report("Observer", null, "BVI premier arrested on drug charges", "...");
        SameEvent.Report arrestToo = report("Times", null, "DEA arrests BVI premier on drug charges", "...");
        assertThat(SameEvent.headlinesAgree(release, mistakes)).isFalse();
        assertThat(SameEvent.headlinesAgree(arrest, arrestToo)).isTrue();
    }

    @Test
    void sourceTimesMoreThanTheWindowApartAreNotOneEventAndPlaceholderTimesAreUnknown() {
        SameEvent.Report monday = report("A", "2022-04-28T20:44:13Z", "BVI premier arrested", "...");
        SameEvent.Report tuesday = report("B", "2022-04-29T02:08:28Z", "BVI premier arrested", "...");
        SameEvent.Report weekLater = report("C", "2022-05-06T09:30:19Z", "BVI premier arrested", "...");
        SameEvent.Report placeholder = report("D", "0001-01-01T00:00:00Z", "BVI premier arrested", "...");
        assertThat(SameEvent.closeInTime(monday, tuesday)).isTrue();
        assertThat(SameEvent.closeInTime(monday, weekLater)).isFalse();
        assertThat(placeholder.publishedAtSource()).isNull();
        assertThat(SameEvent.closeInTime(placeholder, weekLater)).isTrue();
    }

    @Test
    void twoItemsOfOneSourceAreNeverOneEventHoweverAlike() {
        SameEvent.Report one = report("Date Tests", null, "Numeric timezone +0400",
                "The date on this item should be February, 9th 2006, 23:59:45 GMT.");
        SameEvent.Report two = report("date tests ", null, "Numeric timezone -0700",
                "The date on this item should be February, 9th 2006, 23:59:45 GMT.");
        SameEvent.Report elsewhere = report("Other Wire", null, "Numeric timezone -0700",
                "The date on this item should be February, 9th 2006, 23:59:45 GMT.");
        Map<String, Integer> df = Map.of();
        assertThat(SameEvent.differentSources(one, two)).isFalse();
        assertThat(SameEvent.same(one, two, df, 100)).isFalse();
        assertThat(SameEvent.same(one, elsewhere, df, 100)).isTrue();
    }
}
