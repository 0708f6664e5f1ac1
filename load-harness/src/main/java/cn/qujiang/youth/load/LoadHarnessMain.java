package cn.qujiang.youth.load;

import cn.qujiang.youth.stack.LocalStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the whole local stack ({@link HarnessStack}), signs up residents, runs the open-loop stages one after
 * another and prints what each saw, then stops the stack. Options are {@code -Dload.*} system properties, see {@link Options} and the module's README.
 */
public final class LoadHarnessMain {
    private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(45);

    private LoadHarnessMain() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.fromSystemProperties();
        System.out.println("load: " + options);
        HarnessStack.runAndExit("load", options.repoDir(),
                stack -> options.devStoreInMemory() ? stack.withDevDatabaseInMemory() : stack, stack -> run(options, stack));
    }

    /**
     * The stack at rest after the load, for measuring what it spends with nothing to do (pollers, relays, consumer
     * polls): each process's CPU over the pause, per second.
     */
    private static void idle(Options options) throws InterruptedException {
        if (options.idle().isZero()) {
            return;
        }
        // The last stage's stragglers (events still queued, news gathered for 30 s) are let through first.
        System.out.printf("load: settling for %d s, then idle for %d s…%n", SETTLE.toSeconds(),
                options.idle().toSeconds());
        Thread.sleep(SETTLE.toMillis());
        ProcessCpu.Snapshot before = ProcessCpu.snapshot();
        Thread.sleep(options.idle().toMillis());
        Report.cpuPerSecond(before, ProcessCpu.snapshot(), options.idle(), System.out);
    }

    private static void run(Options options, LocalStack stack) throws InterruptedException {
        Report.memory("idle", ProcessMemory.snapshot(), System.out);
        Timeline timeline = options.timeline().map(Timeline::start).orElse(null);
        try (Gateway gateway = new Gateway(stack.gatewayUrl(), options.httpThreads());
             OpenLoop loop = new OpenLoop(gateway, options.polling(), options.giveUp())) {
            long begin = System.nanoTime();
            List<Resident> residents = Residents.signUp(options.residents(), stack.keycloak(), gateway);
            System.out.printf("load: %d residents signed up with a first profile in %d s%n", residents.size(),
                    (System.nanoTime() - begin) / 1_000_000_000L);
            List<Stage> stages = new ArrayList<>();
            for (int rate : options.rates()) {
                // Renewed before the stage when they would not outlive it, so that no token request is timed.
                long maxAge = Resident.TOKEN_LIFETIME.minus(options.stage()).minus(options.giveUp()).toMillis() - 30_000;
                residents.forEach(resident -> resident.tokenNoOlderThan(Math.max(0, maxAge)));
                System.out.printf("load: stage %d/s for %d s…%n", rate, options.stage().toSeconds());
                ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot();
                Map<String, Long> scansBefore = stack.mongo().collectionScans();
                Stage stage = loop.run(residents, rate, options.stage());
                stages.add(stage);
                Report.cpuPerUpdate(cpuBefore, ProcessCpu.snapshot(), stage.started.sum(), System.out);
                Report.scansPerUpdate(scansBefore, stack.mongo().collectionScans(), stage.started.sum(), System.out);
                Report.stages(stages.subList(stages.size() - 1, stages.size()), System.out);
                if (timeline != null) {
                    timeline.write(stages);
                }
            }
            System.out.println();
            Report.stages(stages, System.out);
            idle(options);
            Report.memory("after the load", ProcessMemory.snapshot(), System.out);
        } finally {
            if (timeline != null) {
                timeline.close();
            }
        }
    }
}
