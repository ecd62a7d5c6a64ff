package org.wiredesk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The teaser under a headline: about 100 characters, cut at a word, ending in an ellipsis. */
class ExcerptTest {
    @Test
    void aShortTextStandsWhole() {
        assertThat(Excerpt.cut("The harbour reopened on Tuesday.", 100)).isEqualTo("The harbour reopened on Tuesday.");
    }

    @Test
    void aLongTextIsCutAtTheLastWordThatEndsByTheLimitAndEndsInAnEllipsis() {
        String text = "Hamas has slammed the US Treasury Department's decision to sanction its senior leaders. "
                + "The Palestinian group said the decision changes nothing.";
        assertThat(Excerpt.cut(text, 100))
                .isEqualTo("Hamas has slammed the US Treasury Department's decision to sanction its senior leaders. "
                        + "The…");
        assertThat(Excerpt.cut(text, 89)).isEqualTo("Hamas has slammed the US Treasury Department's decision to "
                + "sanction its senior leaders…");
    }

    @Test
    void aWordLongerThanTheExcerptIsCutWhereItMust() {
        String url = "https://agency.example/" + "a".repeat(200);
        assertThat(Excerpt.cut(url, 100)).hasSize(101).endsWith("a…");
    }

    @Test
    void theExcerptOfABodyRunsItsParagraphsTogether() {
        assertThat(Excerpt.of("<p>First paragraph.</p><p>Second one.</p>")).isEqualTo("First paragraph. Second one.");
    }
}
