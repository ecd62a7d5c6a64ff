package org.wiredesk.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Analyses each field of the index in its language ({@code body_de} with Lucene's German analyzer, {@code source}
 * language-neutral), then folds accents, so "greve" finds "grève" and "Muller" finds "Müller" in every language.
 * The same analysis serves indexing, query parsing and highlighting. Each language's analyzer is made the first
 * time one of its fields is met.
 */
final class FieldAnalyzer extends AnalyzerWrapper {
    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

    FieldAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return byLanguage.computeIfAbsent(StoryFields.languageOf(fieldName), Languages::analyzer);
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(),
                new ASCIIFoldingFilter(components.getTokenStream()));
    }

    @Override
    protected TokenStream wrapTokenStreamForNormalization(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(in);
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
        super.close();
    }
}
