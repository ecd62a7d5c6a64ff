package org.wiredesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;

/**
 * The function words of a text's own language, so that "der", "que" or "les" never make two stories look alike. The
 * language is the one whose stop list (Snowball's, as Lucene ships them) covers most of the text's words: a stop list
 * from every language at once would also drop content words ("man", "die", "will" are German or English function
 * words but English or German content words).
 */
final class StopWords {
    /** Snowball's lists, English first so that it wins a tie. */
    private static final List<String> LANGUAGES = List.of("english", "german", "french", "spanish", "italian",
            "portuguese", "dutch", "danish", "swedish", "norwegian", "finnish", "hungarian", "russian", "indonesian");
    /** English news words beyond Snowball's list that grouping always dropped (they tell no event apart). */
    private static final Set<String> ENGLISH_NEWS = Set.of("said", "says", "will", "can", "also", "new", "one",
            "two", "just", "like", "may", "year", "years");
    /** Each language's stop words, in the order of {@link #LANGUAGES}. */
    private static final List<Set<String>> LISTS = LANGUAGES.stream().map(StopWords::load).toList();
    /** For each stop word, the languages (bits, in the order of {@link #LANGUAGES}) that list it. */
    private static final Map<String, Integer> LANGUAGES_OF = byWord(LISTS);

    private StopWords() {
    }

    /** The stop words of the language these words are written in (lower case); none when none is recognised. */
    static Predicate<String> of(List<String> lowerCaseWords) {
        int[] counts = new int[LANGUAGES.size()];
        for (String w : lowerCaseWords) {
            Integer languages = LANGUAGES_OF.get(w);
            if (languages != null) {
                for (int i = 0; i < counts.length; i++) {
                    if ((languages & (1 << i)) != 0) {
                        counts[i]++;
                    }
                }
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? w -> false : LISTS.get(best)::contains;
    }

    private static Set<String> load(String language) {
        Set<String> words = new HashSet<>();
        try {
            CharArraySet snowball = WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(SnowballFilter.class,
                    language + "_stop.txt", StandardCharsets.UTF_8));
            snowball.forEach(w -> words.add(new String((char[]) w)));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's " + language + " stop words are missing", e);
        }
        if (language.equals("english")) {
            words.addAll(ENGLISH_NEWS);
        }
        return Set.copyOf(words);
    }

    private static Map<String, Integer> byWord(List<Set<String>> lists) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            int bit = 1 << i;
            lists.get(i).forEach(w -> out.merge(w, bit, (x, y) -> x | y));
        }
        return Map.copyOf(out);
    }
}
