package org.wiredesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void aTagIsReadByItsPrimarySubtagInAnyCaseOrSeparator() {
        assertThat(Languages.keyOf("en")).isEqualTo("en");
        assertThat(Languages.keyOf("en-GB")).isEqualTo("en");
        assertThat(Languages.keyOf("EN_us")).isEqualTo("en");
        assertThat(Languages.keyOf(" de-AT ")).isEqualTo("de");
        assertThat(Languages.keyOf("pt-BR")).isEqualTo("pt");
        assertThat(Languages.keyOf("ar-TN")).isEqualTo("ar");
    }

    @Test
    void norwegianAndTheCjkLanguagesShareAnAnalysis() {
        assertThat(Languages.keyOf("nb-NO")).isEqualTo("no");
        assertThat(Languages.keyOf("nn")).isEqualTo("no");
        assertThat(Languages.keyOf("zh-Hant-TW")).isEqualTo("cjk");
        assertThat(Languages.keyOf("ja")).isEqualTo("cjk");
    }

    @Test
    void noTagOrOneWithoutAStemmerIsNeutral() {
        assertThat(Languages.keyOf(null)).isEqualTo(Languages.NEUTRAL);
        assertThat(Languages.keyOf("")).isEqualTo(Languages.NEUTRAL);
        assertThat(Languages.keyOf("pl")).isEqualTo(Languages.NEUTRAL);
        assertThat(Languages.keyOf("x-klingon")).isEqualTo(Languages.NEUTRAL);
        assertThat(Languages.keyOf("not a tag")).isEqualTo(Languages.NEUTRAL);
    }

    @Test
    void everyKeyHasAnAnalyzer() {
        for (String key : Languages.keys().split(",")) {
            assertThat(Languages.analyzer(key)).as(key).isNotNull();
        }
    }
}
