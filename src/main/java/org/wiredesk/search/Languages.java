package org.wiredesk.search;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The languages search stems, by the primary subtag of a story's BCP 47 tag, and the language-neutral analysis for
 * every other story (no language, or one without a Lucene stemmer here).
 */
final class Languages {
    /** The key of stories in no language we stem: words as written, lower case, accents folded. */
    static final String NEUTRAL = "und";

    private static final Map<String, Supplier<Analyzer>> ANALYZERS = new TreeMap<>(Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("ca", CatalanAnalyzer::new),
            Map.entry("cjk", CJKAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new),
            Map.entry("da", DanishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("en", EnglishAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("fa", PersianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new),
            Map.entry(NEUTRAL, Languages::neutral)));

    /** Tags whose primary subtag shares another's analysis. */
    private static final Map<String, String> ALIASES = Map.of(
            "nb", "no", "nn", "no", "zh", "cjk", "ja", "cjk", "ko", "cjk");

    private Languages() {
    }

    /**
     * The analysis key of a story's language tag ("en-GB" and "EN_gb" are "en", "nb" is "no", "zh-Hant" is "cjk"),
     * {@link #NEUTRAL} when there is none or it has no stemmer here.
     */
    static String keyOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return NEUTRAL;
        }
        String primary = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
        String key = ALIASES.getOrDefault(primary, primary);
        return ANALYZERS.containsKey(key) ? key : NEUTRAL;
    }

    /** Lucene's analyzer for a key from {@link #keyOf}. */
    static Analyzer analyzer(String key) {
        Supplier<Analyzer> make = ANALYZERS.get(key);
        if (make == null) {
            throw new IllegalArgumentException("no analysis for " + key);
        }
        return make.get();
    }

    /** Every key, in order: part of the index's analysis marker, so adding a language rebuilds the index. */
    static String keys() {
        return String.join(",", ANALYZERS.keySet());
    }

    /** Words as written, in any script: the standard tokenizer and lower case (the folding is added for all). */
    private static Analyzer neutral() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer words = new StandardTokenizer();
                return new TokenStreamComponents(words, new LowerCaseFilter(words));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
