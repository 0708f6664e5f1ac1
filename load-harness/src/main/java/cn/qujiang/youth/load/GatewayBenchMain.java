package cn.qujiang.youth.load;

import java.io.IOException;
import java.util.Optional;

/**
 * Gateway vs direct vs nginx: starts the whole local stack ({@link HarnessStack}) with rate limits out of reach,
 * then measures the same requests to a service directly, through the gateway and through an nginx reverse proxy
 * ({@link GatewayBench}), and prints Markdown tables. Options are {@code -Dgwbench.*} system properties, see
 * {@link BenchOptions} and the module's README.
 */
public final class GatewayBenchMain {
    private GatewayBenchMain() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.fromSystemProperties();
        System.out.println("gwbench: " + options);
        System.out.printf("gwbench: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadAverage());
        Optional<java.nio.file.Path> nginx = Nginx.binary();
        HarnessStack.runAndExit("gwbench", options.repoDir(),
                stack -> stack.withGatewayArguments(GatewayBench.LIMITS_OUT_OF_REACH),
                stack -> {
                    new GatewayBench(options, stack, nginx).run();
                    System.out.printf("gwbench: load average at the end %s%n", loadAverage());
                });
    }

    /** 1, 5 and 15 minutes, as the machine's other work matters to every number here. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
