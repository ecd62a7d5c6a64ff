package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Headlines, bylines and site names decoded exactly once, and a site's name as readers know it. */
class PlainTextTest {
    @Test
    void characterReferencesLeftInTextAreDecodedOnceAndTextWithoutThemIsUntouched() {
        assertThat(PlainText.decoded("Rene Benko-Firma Signa in Sorge &#8211; Finanzdaten"))
                .isEqualTo("Rene Benko-Firma Signa in Sorge – Finanzdaten");
        assertThat(PlainText.decoded("Olive &#038; Herb Focaccia Bread")).isEqualTo("Olive & Herb Focaccia Bread");
        assertThat(PlainText.decoded("Caf&eacute; &amp; Bar")).isEqualTo("Café & Bar");
        assertThat(PlainText.decoded("R&D spending rises 5% & more")).isEqualTo("R&D spending rises 5% & more");
        assertThat(PlainText.decoded("  two\u00a0 spaces ")).isEqualTo("two spaces");
        assertThat(PlainText.decoded("   ")).isNull();
    }

    @Test
    void aSiteNameIsNeitherAnIdNorAnAddressAndIsSaidOnce() {
        assertThat(PlainText.siteName("/#organization")).isNull();
        assertThat(PlainText.siteName("https://example.org/#organization")).isNull();
        assertThat(PlainText.siteName("Diario HOY | Diario HOY")).isEqualTo("Diario HOY");
        assertThat(PlainText.siteName("The Times | London")).isEqualTo("The Times | London");
        assertThat(PlainText.siteName("Le Monde &amp; Co")).isEqualTo("Le Monde & Co");
    }

    @Test
    void theSitesNameIsCutFromEitherEndOfAHeadlineButNeverLeavesASingleWord() {
        assertThat(PlainText.withoutSiteName("Diario HOY | Darán bendición a vehículos este sábado", "Diario HOY"))
                .isEqualTo("Darán bendición a vehículos este sábado");
        assertThat(PlainText.withoutSiteName("Redaktion erstellt Glossar zur Corona-Pandemie – UEPO.de", "uepo.de"))
                .isEqualTo("Redaktion erstellt Glossar zur Corona-Pandemie");
        assertThat(PlainText.withoutSiteName("gipfelbuch.ch - Outdoornews - Schneekarten auf Gipfelbuch.ch",
                "gipfelbuch.ch")).isEqualTo("Outdoornews - Schneekarten auf Gipfelbuch.ch");
        assertThat(PlainText.withoutSiteName("Bürgerbeteiligung für Windpark Steinheim | EnBW",
                "Bürgerbeteiligung für Windpark Steinheim")).isEqualTo("Bürgerbeteiligung für Windpark Steinheim | EnBW");
        assertThat(PlainText.withoutSiteName("Reuters: oil prices fall", "Reuters")).isEqualTo("Reuters: oil prices fall");
        assertThat(PlainText.withoutSiteName("Oil prices fall - a report", null)).isEqualTo("Oil prices fall - a report");
    }

    @Test
    void aPageWhoseTitleCarriesTheSiteNameIsStoredUnderItsOwnHeadlineAndCreditedOnce() {
        try (IngestFixture fx = new IngestFixture()) {
            SourceOutcome outcome = fx.service.ingest(java.util.List.of(
                    Corpus.path("trafilatura-eval/html/hoy.com-daran.html").toString()), "test", o -> { })
                    .outcomes().get(0);
            assertThat(outcome.added()).as(outcome.line()).isEqualTo(1);
            var story = fx.stories.findAll(java.util.Set.of()).get(0);
            assertThat(story.agencyHeadline().text()).isEqualTo("Darán bendición a vehículos este sábado");
            assertThat(story.sourceName()).isEqualTo("Diario HOY");
        }
    }
}
