package org.wiredesk.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How alike two stories are, in two senses. <em>Copies</em>: the same text from several outlets, measured by
 * MinHash over 5-word shingles (an estimate of their Jaccard similarity). <em>Same event</em>: different text about
 * the same thing, measured by the cosine of TF-IDF vectors over the headline and lead, where names and places
 * (capitalised words) weigh double; {@link SameEvent} adds what else must agree.
 */
public final class Similarity {
    static final int SHINGLE = 5;
    static final int HASHES = 64;
    static final int LEAD_CHARS = 1500;
    private static final int MAX_TERMS = 80;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private Similarity() {
    }

    /** The MinHash signature of a text's 5-word shingles, as hex; empty text gives an empty signature. */
    public static String minhash(String text) {
        List<String> words = words(text, false);
        if (words.size() < SHINGLE) {
            return "";
        }
        long[] min = new long[HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int k = i; k < i + SHINGLE; k++) {
                h = 31 * h + words.get(k).hashCode();
            }
            for (int s = 0; s < HASHES; s++) {
                long v = mix(h ^ SEEDS[s]);
                if (v < min[s]) {
                    min[s] = v;
                }
            }
        }
        StringBuilder hex = new StringBuilder(HASHES * 8);
        for (long m : min) {
            hex.append(HexFormat.of().toHexDigits((int) (m >>> 32)));
        }
        return hex.toString();
    }

    /** The share of equal MinHash values: an estimate of the two texts' shingle Jaccard similarity. */
    public static double copySimilarity(String minhashA, String minhashB) {
        if (minhashA == null || minhashB == null || minhashA.isEmpty() || minhashA.length() != minhashB.length()) {
            return 0;
        }
        int same = 0;
        int n = minhashA.length() / 8;
        for (int i = 0; i < n; i++) {
            if (minhashA.regionMatches(i * 8, minhashB, i * 8, 8)) {
                same++;
            }
        }
        return same / (double) n;
    }

    /**
     * The weighted terms of a headline (counted twice) and the start of the body, as "term:count ..."; a term of the
     * headline is marked "term:count:h". Stop words are those of the text's own language ({@link StopWords}).
     */
    public static String leadTerms(String headline, String body) {
        String head = headline == null ? "" : headline;
        String lead = body.length() > LEAD_CHARS ? body.substring(0, LEAD_CHARS) : body;
        List<String> headWords = tokens(head);
        List<String> leadWords = tokens(lead);
        List<String> lower = new ArrayList<>(headWords.size() + leadWords.size());
        headWords.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        leadWords.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        Predicate<String> stop = StopWords.of(lower);
        Map<String, Integer> counts = new HashMap<>();
        Set<String> inHeadline = new HashSet<>();
        for (String w : terms(headWords, stop)) {
            counts.merge(w, 2, Integer::sum);
            inHeadline.add(w);
        }
        for (String w : terms(leadWords, stop)) {
            counts.merge(w, 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue()
                : a.getKey().compareTo(b.getKey()));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Integer> e : top.subList(0, Math.min(MAX_TERMS, top.size()))) {
            if (out.length() + e.getKey().length() + 8 > 4000) {
                break;
            }
            out.append(e.getKey()).append(':').append(e.getValue());
            if (inHeadline.contains(e.getKey())) {
                out.append(":h");
            }
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** A story's stored lead terms: each term's weight, and which of them its headline has. */
    public record Terms(Map<String, Integer> counts, Set<String> headline) {
        public Terms {
            counts = Map.copyOf(counts);
            headline = Set.copyOf(headline);
        }
    }

    /** Parses stored lead terms, also those stored before headline terms were marked (then none is marked). */
    public static Terms parse(String stored) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> headline = new HashSet<>();
        if (stored == null || stored.isBlank()) {
            return new Terms(counts, headline);
        }
        for (String item : stored.split(" ")) {
            String[] parts = item.split(":");
            if (parts.length < 2 || parts[0].isEmpty()) {
                continue;
            }
            try {
                counts.put(parts[0], Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                continue;
            }
            if (parts.length > 2 && parts[2].equals("h")) {
                headline.add(parts[0]);
            }
        }
        return new Terms(counts, headline);
    }

    /** Parses stored lead terms into each term's weight. */
    public static Map<String, Integer> parseTerms(String stored) {
        return parse(stored).counts();
    }

    /** Cosine of two term-count maps weighted by inverse document frequency over {@code docs} documents. */
    public static double eventSimilarity(Map<String, Integer> a, Map<String, Integer> b, Map<String, Integer> df,
                                         int docs) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            double w = weight(e.getValue(), df.getOrDefault(e.getKey(), 1), docs);
            na += w * w;
            Integer other = b.get(e.getKey());
            if (other != null) {
                dot += w * weight(other, df.getOrDefault(e.getKey(), 1), docs);
            }
        }
        for (Map.Entry<String, Integer> e : b.entrySet()) {
            double w = weight(e.getValue(), df.getOrDefault(e.getKey(), 1), docs);
            nb += w * w;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static double weight(int count, int df, int docs) {
        return (1 + Math.log(count)) * Math.log(1 + docs / (double) Math.max(1, df));
    }

    /** Lower-case words; with {@code terms}, as {@link #leadTerms} weighs them. */
    static List<String> words(String text, boolean terms) {
        List<String> tokens = tokens(text);
        if (terms) {
            List<String> lower = new ArrayList<>(tokens.size());
            tokens.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
            return terms(tokens, StopWords.of(lower));
        }
        tokens.replaceAll(w -> w.toLowerCase(Locale.ROOT));
        return tokens;
    }

    /** The words of a text as written. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * Terms of words as written: lower case; stop words, words under three letters and numbers dropped; capitalised
     * words (names, places) counted twice.
     */
    private static List<String> terms(List<String> tokens, Predicate<String> stop) {
        List<String> out = new ArrayList<>();
        for (String w : tokens) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.length() < 3 || stop.test(lower) || Character.isDigit(lower.charAt(0))) {
                continue;
            }
            out.add(lower);
            if (Character.isUpperCase(w.codePointAt(0))) {
                out.add(lower);
            }
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
