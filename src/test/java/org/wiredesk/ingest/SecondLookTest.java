package org.wiredesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SecondLookTest {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** The words as the regular expression the hand-written reader replaced finds them. */
    private static Set<String> byRegex(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void wordsAreWhatAUnicodeWordPatternFindsInEveryScript() {
        String text = "Ünïcode_words, 42 façades; naïve‐café — Straße! Слово, слова. كلمة‌ كلمات 単語と言葉 हिन्दी शब्द "
                + "x\u0301y a\u200Db 𝐀𝐁𝐂 ①②";
        assertThat(SecondLook.words(text)).isEqualTo(byRegex(text));
    }

    @Test
    void wordsAreWhatAUnicodeWordPatternFindsOnRealMultilingualPages() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Corpus.path("trafilatura-eval/html"))) {
            pages = files.sorted().limit(120).toList();
        }
        int words = 0;
        for (Path page : pages) {
            String text = Jsoup.parse(new String(Files.readAllBytes(page), StandardCharsets.UTF_8)).text();
            Set<String> found = SecondLook.words(text);
            assertThat(found).as(page.getFileName().toString()).isEqualTo(byRegex(text));
            words += found.size();
        }
        assertThat(words).isGreaterThan(50_000);
    }

    @Test
    void aShortFirstBodyIsReplacedByAMuchLongerSecondOne() {
        SecondLook look = new SecondLook(null);
        assertThat(look.wanted("Too short to be the article.")).isTrue();
        assertThat(look.prefersSecond("Too short to be the article.", "A much longer body. ".repeat(5))).isTrue();
        assertThat(look.prefersSecond("Too short to be the article.", "Barely longer text here.")).isFalse();
    }

    @Test
    void theDeclaredArticleDecidesBetweenTwoBodies() {
        String declared = "The harbour authority said on Tuesday that the new breakwater would be finished a year late "
                + "because storms in the winter had washed away two sections of the old wall and the contractor had "
                + "to bring stone from a quarry further north, which took months to open again after the floods of "
                + "the spring, according to the council's report published this week";
        SecondLook look = new SecondLook(declared);
        String teasers = "Another story of the day, told in a long teaser sentence with many words and clauses. ".repeat(5);
        assertThat(look.wanted(teasers)).isTrue();
        assertThat(look.prefersSecond(teasers, declared + " More words.")).isTrue();
        assertThat(look.wanted(declared)).isFalse();
    }

    @Test
    void theShareOfWordsATextHoldsIsCountedAsFromItsWholeSetOfWords() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Corpus.path("trafilatura-eval/html"))) {
            pages = files.sorted().skip(200).limit(60).toList();
        }
        int nonZero = 0;
        for (int k = 1; k < pages.size(); k++) {
            String text = Jsoup.parse(new String(Files.readAllBytes(pages.get(k)), StandardCharsets.UTF_8)).text();
            String other = Jsoup.parse(new String(Files.readAllBytes(pages.get(k - 1)), StandardCharsets.UTF_8)).text();
            // some words of this page and some of the page before, so that shares are neither 0 nor 1
            Set<String> words = new HashSet<>();
            SecondLook.words(text).stream().sorted().limit(40).forEach(words::add);
            SecondLook.words(other).stream().sorted().limit(40).forEach(words::add);
            Set<String> have = SecondLook.words(text);
            double expected = words.stream().filter(have::contains).count() / (double) words.size();
            assertThat(SecondLook.share(words, text)).as(pages.get(k).getFileName().toString()).isEqualTo(expected);
            // the early-stopping test agrees at the count and one past it
            int count = (int) Math.round(expected * words.size());
            int[] hashes = SecondLook.hashes(words);
            assertThat(SecondLook.holdsAtLeast(words, hashes, text, count)).isTrue();
            assertThat(SecondLook.holdsAtLeast(words, hashes, text, count + 1)).isFalse();
            nonZero += expected > 0 && expected < 1 ? 1 : 0;
        }
        assertThat(nonZero).isGreaterThan(40);
    }
}

