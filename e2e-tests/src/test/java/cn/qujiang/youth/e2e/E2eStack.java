package cn.qujiang.youth.e2e;

import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.stack.LocalStack;
import cn.qujiang.youth.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The full local stack, started once per test JVM with the same code as {@code ./run.sh}, on free ports and a fresh
 * data directory so that it never collides with a stack a developer is running.
 */
final class E2eStack {
    private static LocalStack stack;
    private static RuntimeException failure;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            if (failure != null) {
                // Every journey asks for the stack: without this, each would spend minutes failing to start it again.
                throw new IllegalStateException("the e2e stack did not start (twice); see the first journey's error",
                        failure);
            }
            // Poll like an app would, not ten times a second: the gateway rate-limits each user.
            org.awaitility.Awaitility.setDefaultPollInterval(java.time.Duration.ofMillis(500));
            try {
                stack = start();
            } catch (RuntimeException first) {
                // A machine busy with other work can miss a health deadline once; a second start on fresh ports.
                System.out.println("e2e stack: did not start (" + first.getMessage() + "), trying once more");
                try {
                    stack = start();
                } catch (RuntimeException second) {
                    second.addSuppressed(first);
                    failure = second;
                    throw second;
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    private static LocalStack start() {
        Path repo = Path.of(System.getProperty("qujiang.repo-dir", "..")).toAbsolutePath().normalize();
        StackConfig config = new StackConfig(repo, tempDir(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free());
        long begin = System.nanoTime();
        // "You now qualify" news leaves after 3 s without more news instead of 30 s (as in notification-service's
        // own journey test): several journeys wait for it, and half a minute each was minutes of the suite
        LocalStack started = LocalStack.create(config)
                .withArguments("notification-service", List.of("--qujiang.news.quiet=3s"));
        started.startAll(step -> System.out.println("e2e stack: " + step));
        System.out.printf("e2e stack: up in %d s%n", (System.nanoTime() - begin) / 1_000_000_000L);
        return started;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("qujiang-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
