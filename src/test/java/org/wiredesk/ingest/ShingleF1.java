package org.wiredesk.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's own body metric, as in ../shared/tools/body_f1.py: Unicode \w+ tokens,
 * multisets of 4-gram shingles, per-page TP/FP/FN normalised by their sum, mean precision and recall over pages,
 * F1 of the means.
 */
final class ShingleF1 {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    record Score(double f1, double precision, double recall) {
    }

    private ShingleF1() {
    }

    static Score score(Map<String, String> truth, Map<String, String> predicted) {
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int rN = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            double[] c = counts(e.getValue(), predicted.getOrDefault(e.getKey(), ""));
            double tp = c[0];
            double fp = c[1];
            double fn = c[2];
            if (tp + fp > 0) {
                pSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fp);
                pN++;
            }
            if (tp + fn > 0) {
                rSum += fp == 0 && fn == 0 ? 1 : tp / (tp + fn);
                rN++;
            }
        }
        double p = pN == 0 ? 0 : pSum / pN;
        double r = rN == 0 ? 0 : rSum / rN;
        return new Score(p + r == 0 ? 0 : 2 * p * r / (p + r), p, r);
    }

    private static double[] counts(String truth, String predicted) {
        Map<List<String>, Integer> a = shingles(truth);
        Map<List<String>, Integer> b = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> k : keys) {
            int x = a.getOrDefault(k, 0);
            int y = b.getOrDefault(k, 0);
            tp += Math.min(x, y);
            fp += Math.max(0, y - x);
            fn += Math.max(0, x - y);
        }
        double s = tp + fp + fn;
        return s == 0 ? new double[3] : new double[] {tp / s, fp / s, fn / s};
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + 4));
            if (!shingle.isEmpty()) {
                out.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return out;
    }
}
