package cn.qujiang.youth.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The per-stage table, in Markdown so that a run's output can be pasted into a README or an issue as it is. */
final class Report {
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
                    counts(stage.pollAnswers()));
        }
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
    static void cpuPerUpdate(Map<String, Long> before, Map<String, Long> after, long updates, PrintStream out) {
        if (updates > 0) {
            out.println("CPU per update started (ms): " + cpuDifferences(before, after, 1e6 * updates));
        }
    }

    /** CPU of each process over a pause, in ms per second: what it spends with nothing to do. */
    static void cpuPerSecond(Map<String, Long> before, Map<String, Long> after, java.time.Duration pause,
            PrintStream out) {
        out.println("CPU at rest (ms/s): " + cpuDifferences(before, after, 1e3 * pause.toMillis()));
    }

    private static String cpuDifferences(Map<String, Long> before, Map<String, Long> after, double divisor) {
        Map<String, Double> each = new java.util.LinkedHashMap<>();
        after.forEach((name, nanos) -> {
            Long earlier = before.get(name);
            if (earlier != null) {
                each.put(name, (nanos - earlier) / divisor);
            }
        });
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
