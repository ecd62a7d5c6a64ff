package org.wiredesk.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * What the desk types into the search field, as a query over every language's fields: each word is analysed by
 * each field's own analyzer (so "strikes" is looked for as the English stem in {@code body_en} and as the German
 * one in {@code body_de}), in a forgiving syntax: words, "phrases", -not, a|b, a+b, prefix*.
 *
 * <p>The last word typed, when it is a plain word of three letters or more, also matches, with a small weight, as
 * the start of a word in headlines and source names ("strik" finds "Strikers"): the inbox's filter shows those rows
 * as one types, and Enter must not lose them. Only the last word, as in any search-as-you-type, so that a short
 * word earlier in the text ("the") does not match every headline with a word starting with it.
 */
final class TypedQuery extends SimpleQueryParser {
    static final float HEADLINE_WEIGHT = 3f;
    static final float BODY_WEIGHT = 1f;
    static final float SOURCE_WEIGHT = 1f;
    static final float AS_TYPED_WEIGHT = 0.5f;
    static final int AS_TYPED_MIN_LENGTH = 3;

    private final List<String> asTypedFields;
    private final String lastWord;

    private TypedQuery(Analyzer analyzer, Map<String, Float> weights, List<String> asTypedFields, String lastWord) {
        super(analyzer, weights);
        this.asTypedFields = asTypedFields;
        this.lastWord = lastWord;
    }

    /** The query for {@code text} over the fields the index holds; null when nothing can match. */
    static Query parse(Analyzer analyzer, Collection<String> fields, String text) {
        Map<String, Float> weights = new HashMap<>();
        for (String f : fields) {
            if (StoryFields.isHeadline(f)) {
                weights.put(f, HEADLINE_WEIGHT);
            } else if (StoryFields.isBody(f)) {
                weights.put(f, BODY_WEIGHT);
            } else if (f.equals(StoryFields.SOURCE)) {
                weights.put(f, SOURCE_WEIGHT);
            }
        }
        if (weights.isEmpty()) {
            return null;
        }
        List<String> asTyped = weights.keySet().stream()
                .filter(f -> StoryFields.isHeadline(f) || f.equals(StoryFields.SOURCE)).sorted().toList();
        Query query = new TypedQuery(analyzer, weights, asTyped, lastWord(text)).parse(text);
        return query == null ? null : excluding(query);
    }

    /**
     * The query with "-word" leaving stories out. SimpleQueryParser reads "strike -syria" as "strike, or anything
     * without syria" (its -x is "all but x", joined by the default OR), which finds every story; here each such
     * clause beside a positive one becomes a MUST_NOT of its own level.
     */
    static Query excluding(Query query) {
        if (!(query instanceof BooleanQuery bq)) {
            return query;
        }
        boolean positive = bq.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT
                && negated(c.getQuery()) == null);
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                bq.getMinimumNumberShouldMatch());
        for (BooleanClause c : bq.clauses()) {
            Query not = negated(c.getQuery());
            if (positive && not != null && c.getOccur() != BooleanClause.Occur.MUST_NOT) {
                out.add(excluding(not), BooleanClause.Occur.MUST_NOT);
            } else {
                out.add(excluding(c.getQuery()), c.getOccur());
            }
        }
        return out.build();
    }

    /** What a "-x" clause of SimpleQueryParser leaves out (all documents but x), or null for any other query. */
    private static Query negated(Query q) {
        if (q instanceof BooleanQuery b && b.clauses().size() == 2) {
            Query not = null;
            boolean all = false;
            for (BooleanClause c : b.clauses()) {
                if (c.getOccur() == BooleanClause.Occur.MUST_NOT) {
                    not = c.getQuery();
                } else if (c.getQuery() instanceof MatchAllDocsQuery) {
                    all = true;
                }
            }
            return all ? not : null;
        }
        return null;
    }

    /** The last word typed, without the operators before or after it. */
    static String lastWord(String text) {
        String[] parts = text.strip().split("\\s+");
        String last = parts[parts.length - 1];
        int from = 0;
        while (from < last.length() && "+-|(".indexOf(last.charAt(from)) >= 0) {
            from++;
        }
        int to = last.length();
        while (to > from && last.charAt(to - 1) == ')') {
            to--;
        }
        return last.substring(from, to);
    }

    @Override
    protected Query newDefaultQuery(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query words = super.newDefaultQuery(text);
        if (words != null) {
            any.add(words, BooleanClause.Occur.SHOULD);
        }
        for (String field : text.equals(lastWord) ? asTypedFields : List.<String>of()) {
            BytesRef start = getAnalyzer().normalize(field, text);
            String chars = start.utf8ToString();
            if (chars.codePointCount(0, chars.length()) >= AS_TYPED_MIN_LENGTH) {
                any.add(new BoostQuery(new PrefixQuery(new Term(field, start)), AS_TYPED_WEIGHT),
                        BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery query = any.build();
        return query.clauses().isEmpty() ? null : query;
    }
}
