package org.wiredesk.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load-test client measured: each operation's latency (nanoseconds around the one {@link DeskService}
 * call), its outcome, and the refusals by kind. Merged over clients for the printed table; a client's own copy is
 * touched by its thread only.
 */
final class LoadFigures {
    /** The operations a load-test client takes. */
    enum Op { CLAIM, AUTOSAVE, RETITLE, SUBMIT, APPROVE, SPIKE }

    private final Map<Op, List<Long>> all = new EnumMap<>(Op.class);
    private final Map<Op, List<Long>> succeeded = new EnumMap<>(Op.class);
    private final Map<Op, Map<String, Integer>> refusals = new EnumMap<>(Op.class);
    private final List<String> failures = new ArrayList<>();

    LoadFigures() {
        for (Op op : Op.values()) {
            all.put(op, new ArrayList<>());
            succeeded.put(op, new ArrayList<>());
            refusals.put(op, new TreeMap<>());
        }
    }

    void ok(Op op, long nanos) {
        all.get(op).add(nanos);
        succeeded.get(op).add(nanos);
    }

    void refused(Op op, long nanos, String kind) {
        all.get(op).add(nanos);
        refusals.get(op).merge(kind, 1, Integer::sum);
    }

    void failed(Op op, long nanos, String what) {
        all.get(op).add(nanos);
        failures.add(op + ": " + what);
    }

    List<String> failures() {
        return failures;
    }

    int operations() {
        return all.values().stream().mapToInt(List::size).sum();
    }

    int succeeded(Op op) {
        return succeeded.get(op).size();
    }

    int refusals() {
        return refusals.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    /** All clients' figures together. */
    static LoadFigures merge(List<LoadFigures> parts) {
        LoadFigures out = new LoadFigures();
        for (LoadFigures p : parts) {
            for (Op op : Op.values()) {
                out.all.get(op).addAll(p.all.get(op));
                out.succeeded.get(op).addAll(p.succeeded.get(op));
                p.refusals.get(op).forEach((k, n) -> out.refusals.get(op).merge(k, n, Integer::sum));
            }
            out.failures.addAll(p.failures);
        }
        return out;
    }

    /** The table of latencies per operation (milliseconds), then the refusals by kind. */
    String table(double wallSeconds) {
        StringBuilder b = new StringBuilder();
        int total = operations();
        int ok = Arrays.stream(Op.values()).mapToInt(this::succeeded).sum();
        b.append(String.format(
                "%,d operations in %.2f s = %.0f ops/s (%,d succeeded = %.0f/s, %,d refused, %d failed)%n", total,
                wallSeconds, total / wallSeconds, ok, ok / wallSeconds, refusals(), failures.size()));
        b.append(String.format("%-9s %6s %6s %8s %8s %8s %8s %12s%n", "operation", "calls", "ok", "p50 ms",
                "p95 ms", "max ms", "ok p95", "refused"));
        for (Op op : Op.values()) {
            long[] a = sorted(all.get(op));
            long[] s = sorted(succeeded.get(op));
            b.append(String.format("%-9s %6d %6d %8.1f %8.1f %8.1f %8.1f %12d%n", op.name().toLowerCase(), a.length,
                    s.length, ms(percentile(a, 50)), ms(percentile(a, 95)), ms(a.length == 0 ? 0 : a[a.length - 1]),
                    ms(percentile(s, 95)), a.length - s.length));
        }
        b.append("refusals by kind:").append(System.lineSeparator());
        for (Op op : Op.values()) {
            refusals.get(op).forEach((kind, n) -> b.append(String.format("  %-9s %-40s %5d%n",
                    op.name().toLowerCase(), kind, n)));
        }
        return b.toString();
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
