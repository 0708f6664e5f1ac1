package cn.qujiang.youth.load;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The per-stage table, in Markdown so that a run's output can be pasted into a README or an issue as it is. */
final class Report {
    /** Thread pools shown per stack process, busiest first. */
    private static final int POOLS_SHOWN = 6;
    private Report() {
    }

    static void stages(List<Stage> stages, PrintStream out) {
        out.println("| offered/s | started | current | PUT p50 / p95 (ms) | PUT→stored p50 / p95 / p99 / max (ms) "
                + "| PUT→current p50 / p95 / p99 / max (ms) | given up | stale 409 | other PUT refusals | PUT answers "
                + "| poll answers |");
        out.println("|---:|---:|---:|---|---|---|---:|---:|---:|---|---|");
        for (Stage stage : stages) {
            List<Long> put = stage.putMs();
            out.printf("| %d | %d (%.1f/s) | %d | %s | %s | %s | %d | %d | %d | %s | %s |%n", stage.rate,
                    stage.started.sum(), stage.started.sum() / (double) stage.seconds, stage.current.sum(),
                    put.isEmpty() ? "–" : percentile(put, 50) + " / " + percentile(put, 95),
                    spread(stage.putToStoredMs()), spread(stage.putToCurrentMs()),
                    stage.gaveUp.sum(), stage.stale.sum(), stage.putRefused.sum(), counts(stage.putAnswers()),
                    counts(stage.pollAnswers()) + pollsPerUpdate(stage));
        }
    }

    /**
     * Polls per update started: one when the results are current by the first poll; more when the pipeline lags,
     * each waiting resident asking again, which adds load exactly when there is too much of it.
     */
    private static String pollsPerUpdate(Stage stage) {
        long polls = stage.pollAnswers().values().stream().mapToLong(Long::longValue).sum();
        long started = stage.started.sum();
        return started == 0 ? "" : " (%.1f per update)".formatted(polls / (double) started);
    }

    static void memory(String when, Map<String, Long> rssKiB, PrintStream out) {
        if (rssKiB.isEmpty()) {
            out.println("RSS " + when + ": no process readable under /proc (not Linux?), skipped");
            return;
        }
        long total = rssKiB.values().stream().mapToLong(Long::longValue).sum();
        out.println("RSS " + when + " (MiB): " + rssKiB.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() / 1024).collect(Collectors.joining(", "))
                + " — total " + total / 1024);
    }

    /** CPU of each process over a stage divided by the updates it started (polls included), in ms. */
    static void cpuPerUpdate(ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, long updates, PrintStream out) {
        if (updates > 0) {
            out.println("CPU per update started (ms): " + cpuDifferences(before, after, 1e6 * updates));
        }
    }

    /**
     * Queries the dev database answered by reading a whole collection, per update started, by collection: a hot
     * query without an index (or one the dev stores do not recognise) shows here before it shows as a collapse.
     */
    static void scansPerUpdate(Map<String, Long> before, Map<String, Long> after, long updates, PrintStream out) {
        if (updates == 0) {
            return;
        }
        String scans = after.entrySet().stream()
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
                .map(e -> "%s %.2f".formatted(e.getKey(),
                        (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) updates))
                .collect(Collectors.joining(", "));
        out.println("  dev database, collections read whole per update: " + (scans.isEmpty() ? "none" : scans));
    }

    /** CPU of each process over a pause, in ms per second: what it spends with nothing to do. */
    static void cpuPerSecond(ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, java.time.Duration pause,
            PrintStream out) {
        out.println("CPU at rest (ms/s): " + cpuDifferences(before, after, 1e3 * pause.toMillis()));
    }

    /**
     * Each process's CPU over the phase, then on lines of their own what of it was the JIT compiling, how the
     * harness JVM's splits (dev database, load generator, …), and the product's own share: the stack's processes
     * without their JIT compilation, the harness JVM left out.
     */
    private static String cpuDifferences(ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, double divisor) {
        Map<String, Double> each = differences(before.processes(), after.processes(), divisor);
        Map<String, Double> jit = new LinkedHashMap<>();
        after.threads().forEach((name, kinds) -> jit.put(name,
                differences(before.threads().getOrDefault(name, Map.of()), kinds, divisor)
                        .getOrDefault(ThreadCpu.JIT, 0.0)));
        Map<String, Double> harness = differences(before.threads().getOrDefault(ProcessCpu.HARNESS, Map.of()),
                after.threads().getOrDefault(ProcessCpu.HARNESS, Map.of()), divisor);
        double product = each.entrySet().stream().filter(e -> !e.getKey().equals(ProcessCpu.HARNESS))
                .mapToDouble(e -> e.getValue() - jit.getOrDefault(e.getKey(), 0.0)).sum();
        return joined(each) + "%n  of which JIT compilation: %s%n  harness JVM by thread: %s%n  the product (stack processes, JIT left out): %.1f"
                .formatted(joined(jit), joined(harness), product) + byPool(before, after, divisor);
    }

    /**
     * Each stack process's busiest thread pools (JIT left out, it has its line): which part of a service spends what
     * the totals above show.
     */
    private static String byPool(ProcessCpu.Snapshot before, ProcessCpu.Snapshot after, double divisor) {
        StringBuilder lines = new StringBuilder();
        after.threads().forEach((name, kinds) -> {
            if (name.equals(ProcessCpu.HARNESS)) {
                return;
            }
            Map<String, Double> pools = differences(before.threads().getOrDefault(name, Map.of()), kinds, divisor);
            String busiest = pools.entrySet().stream().filter(e -> !e.getKey().equals(ThreadCpu.JIT))
                    .filter(e -> e.getValue() >= 0.05)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(POOLS_SHOWN)
                    .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            lines.append("%n  %s by thread: %s".formatted(name, busiest.isEmpty() ? "–" : busiest));
        });
        return lines.toString();
    }

    private static Map<String, Double> differences(Map<String, Long> before, Map<String, Long> after, double divisor) {
        Map<String, Double> each = new LinkedHashMap<>();
        after.forEach((name, nanos) -> each.put(name, (nanos - before.getOrDefault(name, 0L)) / divisor));
        return each;
    }

    private static String joined(Map<String, Double> each) {
        double all = each.values().stream().mapToDouble(Double::doubleValue).sum();
        return each.entrySet().stream().map(e -> "%s %.1f".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + " — all %.1f".formatted(all);
    }

    private static String spread(List<Long> ms) {
        return ms.isEmpty() ? "–" : "%d / %d / %d / %d".formatted(percentile(ms, 50), percentile(ms, 95),
                percentile(ms, 99), ms.get(ms.size() - 1));
    }

    /** Nearest-rank percentile of a sorted list. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "–" : counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
