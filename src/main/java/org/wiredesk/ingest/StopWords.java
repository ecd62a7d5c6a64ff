package org.wiredesk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
    /** Words of no use for telling events apart in English news beyond Snowball's list (the list grouping always had). */
    private static final Set<String> ENGLISH_NEWS = Set.of("said", "says", "will", "can", "also", "new", "one",
            "two", "just", "like", "may", "year", "years");
    private static final Map<String, CharArraySet> LISTS = load();

    private StopWords() {
    }

    /** The stop words of the language these words are written in (lower case); none when none is recognised. */
    static Predicate<String> of(List<String> lowerCaseWords) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, CharArraySet> e : LISTS.entrySet()) {
            int count = 0;
            for (String w : lowerCaseWords) {
                if (e.getValue().contains(w)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = e.getKey();
                bestCount = count;
            }
        }
        if (best == null) {
            return w -> false;
        }
        CharArraySet list = LISTS.get(best);
        return best.equals("english") ? w -> list.contains(w) || ENGLISH_NEWS.contains(w) : list::contains;
    }

    private static Map<String, CharArraySet> load() {
        Map<String, CharArraySet> out = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            try {
                out.put(language, WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(SnowballFilter.class,
                        language + "_stop.txt", StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Lucene's " + language + " stop words are missing", e);
            }
        }
        return out;
    }
}
