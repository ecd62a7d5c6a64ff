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
}
