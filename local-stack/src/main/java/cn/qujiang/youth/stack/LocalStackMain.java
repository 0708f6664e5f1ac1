package cn.qujiang.youth.stack;

import cn.qujiang.youth.infra.InfraException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--data-dir=… --gateway-port=…]}: starts the whole suite,
 * prints where everything is, and stops all of it on Ctrl-C or SIGTERM.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackConfig config;
        try {
            config = StackConfig.fromArgs(args, Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        long begin = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = LocalStack.create(config);
        // Registered before anything starts, so Ctrl-C during start-up also stops what is already running.
        Thread shutdown = new Thread(() -> {
            System.out.println("local-stack: stopping…");
            stack.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            stack.startAll(step -> System.out.println("local-stack: " + step));
        } catch (InfraException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            fail(e.getMessage());
            return;
        }
        System.out.println(StackTable.render(stack, Duration.ofNanos(System.nanoTime() - begin)));
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("local-stack: " + message);
        System.exit(1);
    }
}
