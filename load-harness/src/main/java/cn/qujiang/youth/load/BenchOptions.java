package cn.qujiang.youth.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one gateway benchmark run does, from {@code -Dgwbench.*} system properties (the same words work with
 * {@code mvn exec:java} and {@code java -jar}); see the module's README.
 *
 * @param baselineGateway another gateway jar (e.g. main's) run beside the stack's, measured in the same run
 * @param baselineJvm     extra JVM options of that gateway, e.g. to try a system property
 * @param baselineArgs    extra arguments of that gateway, e.g. to switch one feature off
 * @param jfr             where to write JFR recordings of the gateway(s), made after the measured rounds, or null
 * @param pacedRate       requests a second of the paced phase (one connection, evenly spaced), 0 for none
 */
record BenchOptions(Path repoDir, List<String> requests, int connections, Duration warmUp, Duration loadTime,
        Duration oneCaller, int rounds, String nginxWorkers, Path baselineGateway, List<String> baselineJvm,
        List<String> baselineArgs, Path jfr, int pacedRate) {

    static BenchOptions fromSystemProperties() {
        String baseline = System.getProperty("gwbench.baseline-gateway", "").trim();
        String jfr = System.getProperty("gwbench.jfr", "").trim();
        return new BenchOptions(Options.givenRepoDir(),
                Arrays.stream(System.getProperty("gwbench.requests", "catalogue,results").split(","))
                        .map(String::trim).toList(),
                Integer.getInteger("gwbench.connections", 16),
                Duration.ofSeconds(Integer.getInteger("gwbench.warmup-seconds", 60)),
                Duration.ofSeconds(Integer.getInteger("gwbench.seconds", 20)),
                Duration.ofSeconds(Integer.getInteger("gwbench.one-caller-seconds", 10)),
                Integer.getInteger("gwbench.rounds", 3),
                System.getProperty("gwbench.nginx-workers", "auto"),
                baseline.isEmpty() ? null : Path.of(baseline).toAbsolutePath(),
                words(System.getProperty("gwbench.baseline-jvm", "")),
                words(System.getProperty("gwbench.baseline-args", "")),
                jfr.isEmpty() ? null : Path.of(jfr).toAbsolutePath(),
                Integer.getInteger("gwbench.paced-rate", 0));
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }
}
