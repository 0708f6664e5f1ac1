package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.stack.LocalStack;
import cn.qujiang.youth.stack.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole local stack (as {@code ./run.sh} does, on free ports and a fresh data directory), signs up
 * residents, runs the open-loop stages one after another and prints what each saw, then stops the stack.
 * Options are {@code -Dload.*} system properties, see {@link Options} and the module's README.
 */
public final class LoadHarnessMain {
    private LoadHarnessMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = Options.fromSystemProperties();
        System.out.println("load: " + options);
        Path dataDir = Files.createTempDirectory("qujiang-load-");
        StackConfig config = new StackConfig(options.repoDir(), dataDir, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free());
        LocalStack stack = LocalStack.create(config);
        // Registered before anything starts: Ctrl-C at any point stops the child JVMs too.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        int exitCode = 0;
        try {
            run(options, stack);
        } catch (RuntimeException e) {
            e.printStackTrace();
            exitCode = 1;
        } finally {
            stack.close();
            System.out.println("load: stack stopped; its logs are in " + dataDir.resolve("logs"));
        }
        // The in-process servers may leave non-daemon threads behind; exec:java would wait for them forever.
        System.exit(exitCode);
    }

    private static void run(Options options, LocalStack stack) throws InterruptedException {
        long begin = System.nanoTime();
        stack.startAll(step -> System.out.println("load: stack: " + step));
        System.out.printf("load: stack up in %d s%n", (System.nanoTime() - begin) / 1_000_000_000L);
        Report.memory("idle", ProcessMemory.snapshot(), System.out);
        try (Gateway gateway = new Gateway(stack.gatewayUrl(), options.httpThreads());
             OpenLoop loop = new OpenLoop(gateway, options.pollInterval(), options.giveUp())) {
            begin = System.nanoTime();
            List<Resident> residents = Residents.signUp(options.residents(), stack.keycloak(), gateway);
            System.out.printf("load: %d residents signed up with a first profile in %d s%n", residents.size(),
                    (System.nanoTime() - begin) / 1_000_000_000L);
            List<Stage> stages = new ArrayList<>();
            for (int rate : options.rates()) {
                // Renewed before the stage when they would not outlive it, so that no token request is timed.
                long maxAge = Resident.TOKEN_LIFETIME.minus(options.stage()).minus(options.giveUp()).toMillis() - 30_000;
                residents.forEach(resident -> resident.tokenNoOlderThan(Math.max(0, maxAge)));
                System.out.printf("load: stage %d/s for %d s…%n", rate, options.stage().toSeconds());
                stages.add(loop.run(residents, rate, options.stage()));
                Report.stages(stages.subList(stages.size() - 1, stages.size()), System.out);
            }
            System.out.println();
            Report.stages(stages, System.out);
            Report.memory("after the load", ProcessMemory.snapshot(), System.out);
        }
    }
}
