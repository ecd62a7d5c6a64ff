package org.wiredesk.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HouseStyleTest {
    private final HouseStyle style = RulesFile.parse(RulesFile.sampleText());

    private List<StyleIssue> check(String headline) {
        return style.check(headline, null);
    }

    private StyleIssue only(String rule, String headline) {
        return check(headline).stream().filter(i -> i.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " issue in " + check(headline)));
    }

    @Test
    void lengthCountsCharactersAsPeopleSeeThem() {
        assertThat(HouseStyle.length("Café")).isEqualTo(4);
        assertThat(HouseStyle.length("Cafe\u0301")).isEqualTo(4);
        assertThat(HouseStyle.length("👨‍👩‍👧 family")).isEqualTo(8);
        assertThat(HouseStyle.length("🇮🇷 flag")).isEqualTo(6);
    }

    @Test
    void aHeadlineOverTheLimitIsAnErrorFromTheFirstCharacterTooMany() {
        String h = "A".repeat(85) + " Tehran";
        StyleIssue issue = only("max-length", h);
        assertThat(issue.message()).contains("92 characters").contains("90");
        assertThat(issue.start()).isEqualTo(90);
        assertThat(issue.fixable()).isFalse();
    }

    @Test
    void aMeasuredHeadlineWiderThanTheSlotIsAnError() {
        List<StyleIssue> issues = style.check("Ministers meet", (text, family, bold, size) -> {
            assertThat(family).isEqualTo("DejaVu Serif");
            assertThat(bold).isTrue();
            assertThat(size).isEqualTo(30);
            return 1400;
        });
        assertThat(issues).extracting(StyleIssue::rule).contains("max-width");
    }

    @Test
    void preferredSpellingsAreFixedInOneClick() {
        StyleIssue issue = only("prefer", "Protests in Teheran after the vote");
        assertThat(issue.fixed()).isEqualTo("Protests in Tehran after the vote");
        assertThat(check(issue.fixed())).extracting(StyleIssue::rule).doesNotContain("prefer");
    }

    @Test
    void bannedWordsAreFlaggedButNotRewritten() {
        StyleIssue issue = only("ban", "Minister slams critics");
        assertThat(issue.fixable()).isFalse();
        assertThat(issue.severity()).isEqualTo(StyleIssue.Severity.ERROR);
        assertThat(check("Minister slamsfast critics")).extracting(StyleIssue::rule).doesNotContain("ban");
    }

    @Test
    void straightQuotesBecomeCurly() {
        StyleIssue issue = only("quotes", "Burns calls cooperation \"worrying\" and 'deep'");
        assertThat(issue.fixed()).isEqualTo("Burns calls cooperation “worrying” and ‘deep’");
    }

    @Test
    void aTrailingFullStopIsRemoved() {
        assertThat(only("trailing-full-stop", "Ministers meet in Tehran.").fixed()).isEqualTo("Ministers meet in Tehran");
        assertThat(check("Talks go on...")).extracting(StyleIssue::rule).doesNotContain("trailing-full-stop");
    }

    @Test
    void numbersAreWrittenAsFigures() {
        assertThat(only("numerals", "Quake kills three in coastal town").fixed())
                .isEqualTo("Quake kills 3 in coastal town");
        assertThat(check("Port reopens after three-day storm")).extracting(StyleIssue::rule).doesNotContain("numerals");
    }

    @Test
    void titleCaseIsFlaggedAsNotSentenceCaseWithoutGuessingNames() {
        StyleIssue issue = only("case", "Iran And Russia Deepen Defence Ties");
        assertThat(issue.fixable()).as("names cannot be told apart safely").isFalse();
        assertThat(check("Iran and Russia deepen defence ties")).extracting(StyleIssue::rule).doesNotContain("case");
    }

    @Test
    void aCleanHeadlineHasNoIssues() {
        assertThat(check("CIA director says Iran-Russia cooperation “worrying”")).isEmpty();
    }

    @Test
    void aRulesFileWithABadLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> RulesFile.parse("max-length: 90\ncase: shouting\n"))
                .hasMessageContaining("line 2").hasMessageContaining("sentence, title, any");
        assertThatThrownBy(() -> RulesFile.parse("max-length: ninety"))
                .hasMessageContaining("line 1").hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> RulesFile.parse("colour: red")).hasMessageContaining("unknown rule");
    }

    @Test
    void theWordDifferenceShowsWhatTheDeskChanged() {
        var pieces = WordDiff.between("CIA director says Iran-Russia cooperation is worrying",
                "CIA chief: Iran-Russia cooperation “worrying”");
        assertThat(pieces).extracting(WordDiff.Piece::kind).contains(WordDiff.Kind.REMOVED, WordDiff.Kind.ADDED,
                WordDiff.Kind.SAME);
        String removed = pieces.stream().filter(p -> p.kind() == WordDiff.Kind.REMOVED).map(WordDiff.Piece::text)
                .reduce("", String::concat);
        assertThat(removed).contains("director").contains("says");
    }
}
