package cn.qujiang.youth.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The gateway benchmark's tables, in Markdown so that a run's output can be pasted into a README as it is. */
final class BenchReport {
    private BenchReport() {
    }

    /**
     * One route's measurement of one request in one round: {@code load} at N connections, {@code oneCaller} with one
     * connection; CPU per answered request of the proxy process(es) and of the service, and of the proxy with the
     * requests paced one by one ({@code -Dgwbench.paced-rate}); NaN where not known or not measured.
     */
    record Measurement(BenchRequest request, String route, int round, ClosedLoop.Result load,
            ClosedLoop.Result oneCaller, double proxyCpuMicros, double serviceCpuMicros, double pacedProxyCpuMicros) {
    }

    /** One table per round: each route beside the direct call of the same request in the same round. */
    static void round(int round, int connections, List<Measurement> measurements, PrintStream out) {
        out.printf("%n#### Round %d%n%n", round);
        out.printf("| request | route | req/s at %d connections | × direct | one caller p50 / p99 (ms) | added p50 (ms) "
                + "| proxy CPU µs/req | service CPU µs/req | proxy CPU µs/req, paced | not 2xx/304 |%n", connections);
        out.println("|---|---|---:|---:|---|---:|---:|---:|---:|---:|");
        for (Measurement m : measurements) {
            Measurement direct = direct(measurements, m);
            out.printf("| %s | %s | %,.0f | %.2f | %.3f / %.3f | %s | %s | %s | %s | %d |%n", m.request().label(),
                    m.route(),
                    m.load().perSecond(), m.load().perSecond() / direct.load().perSecond(),
                    m.oneCaller().percentileMillis(50), m.oneCaller().percentileMillis(99),
                    m == direct ? "–" : "%.3f".formatted(addedP50(m, direct)), micros(m.proxyCpuMicros()),
                    micros(m.serviceCpuMicros()), micros(m.pacedProxyCpuMicros()),
                    m.load().unexpected() + m.oneCaller().unexpected());
        }
    }

    /** Over all rounds: the median and, in brackets, the lowest and highest round; ratios are taken within a round. */
    static void summary(int connections, List<Measurement> measurements, PrintStream out) {
        out.printf("%n### Summary: median of %d round(s) (lowest–highest)%n%n",
                measurements.stream().mapToInt(Measurement::round).max().orElse(0));
        out.printf("| request | route | req/s at %d connections | × direct | one caller p50 / p99 (ms) | added p50 (ms) "
                + "| proxy CPU µs/req | proxy CPU µs/req, paced |%n", connections);
        out.println("|---|---|---:|---:|---|---:|---:|---:|");
        Map<String, List<Measurement>> byRow = measurements.stream().collect(Collectors.groupingBy(
                m -> m.request().name() + "\u0000" + m.route(), java.util.LinkedHashMap::new, Collectors.toList()));
        for (List<Measurement> row : byRow.values()) {
            Measurement first = row.get(0);
            boolean direct = "direct".equals(first.route());
            out.printf("| %s | %s | %s | %s | %s / %s | %s | %s | %s |%n", first.request().label(), first.route(),
                    spread(row, m -> m.load().perSecond(), "%,.0f"),
                    direct ? "1" : spread(row, m -> m.load().perSecond() / direct(measurements, m).load().perSecond(),
                            "%.2f"),
                    spread(row, m -> m.oneCaller().percentileMillis(50), "%.3f"),
                    spread(row, m -> m.oneCaller().percentileMillis(99), "%.3f"),
                    direct ? "–" : spread(row, m -> addedP50(m, direct(measurements, m)), "%.3f"),
                    direct ? "–" : spread(row, Measurement::proxyCpuMicros, "%.0f"),
                    direct ? "–" : spread(row, Measurement::pacedProxyCpuMicros, "%.0f"));
        }
    }

    private static Measurement direct(List<Measurement> measurements, Measurement m) {
        return measurements.stream().filter(other -> other.round() == m.round() && other.request() == m.request()
                && "direct".equals(other.route())).findFirst().orElseThrow();
    }

    private static double addedP50(Measurement m, Measurement direct) {
        return m.oneCaller().percentileMillis(50) - direct.oneCaller().percentileMillis(50);
    }

    private static String spread(List<Measurement> row, ToDoubleFunction<Measurement> value, String format) {
        double[] values = row.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0 || Double.isNaN(values[0])) {
            return "–";
        }
        String median = format.formatted(median(values));
        return values.length == 1 ? median : "%s (%s–%s)".formatted(median, format.formatted(values[0]),
                format.formatted(values[values.length - 1]));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String micros(double value) {
        return Double.isNaN(value) ? "–" : "%.0f".formatted(value);
    }

    static String describe(ClosedLoop.Result result) {
        return "%,.0f req/s, client CPU %.1f µs/req, answers %s%s".formatted(result.perSecond(),
                result.clientCpuNanos() / 1e3 / Math.max(1, result.answered()), result.statuses(),
                result.failures() > 0 ? ", " + result.failures() + " transport failures" : "")
                + (result.latencies().length > 0 ? ", p50 %.3f ms".formatted(result.percentileMillis(50)) : "");
    }
}
