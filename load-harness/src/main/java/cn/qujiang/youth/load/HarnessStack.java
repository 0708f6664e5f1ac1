package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.stack.LocalStack;
import cn.qujiang.youth.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The whole local stack as a harness runs it: as {@code ./run.sh} starts it, but on free ports and a fresh data
 * directory, stopped however the run ends (Ctrl-C included), its logs left in the printed directory (and, after a
 * failed run, its data).
 */
final class HarnessStack {
    private HarnessStack() {
    }

    /**
     * The databases and the broker's log of a run that ended well (hundreds of MB after a long run): only the logs
     * are worth keeping. A run that failed keeps everything for a look.
     */
    private static void removeAllBut(Path dataDir, Path keep) {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.startsWith(keep) && !path.equals(dataDir))
                    .forEach(path -> path.toFile().delete());
            System.out.println("data of the run removed from " + dataDir);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove the run's data from " + dataDir + ": " + e.getMessage());
        }
    }

    /** What a harness does with the started stack. */
    interface Run {
        void on(LocalStack stack) throws InterruptedException;
    }

    /** Starts the stack ({@code prepare} may add to it first), runs, stops it, and ends the JVM: 0, or 1 on failure. */
    static void runAndExit(String label, Path repoDir, UnaryOperator<LocalStack> prepare, Run run) throws IOException {
        Path dataDir = Files.createTempDirectory("qujiang-" + label + "-");
        StackConfig config = new StackConfig(repoDir, dataDir, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free());
        LocalStack stack = prepare.apply(LocalStack.create(config));
        // Registered before anything starts: Ctrl-C at any point stops the child JVMs too.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        int exitCode = 0;
        try {
            long begin = System.nanoTime();
            stack.startAll(step -> System.out.println(label + ": stack: " + step));
            System.out.printf("%s: stack up in %d s%n", label, (System.nanoTime() - begin) / 1_000_000_000L);
            run.on(stack);
        } catch (RuntimeException e) {
            e.printStackTrace();
            exitCode = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 1;
        } finally {
            stack.close();
            System.out.println(label + ": stack stopped; its logs are in " + dataDir.resolve("logs"));
        }
        if (exitCode == 0) {
            removeAllBut(dataDir, dataDir.resolve("logs"));
        }
        // The in-process servers may leave non-daemon threads behind; exec:java would wait for them forever.
        System.exit(exitCode);
    }
}
