package cn.qujiang.youth.load;

import cn.qujiang.youth.stack.LocalStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole local stack ({@link HarnessStack}), signs up residents, runs the open-loop stages one after
 * another and prints what each saw, then stops the stack. Options are {@code -Dload.*} system properties, see {@link Options} and the module's README.
 */
public final class LoadHarnessMain {
    private LoadHarnessMain() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.fromSystemProperties();
        System.out.println("load: " + options);
        HarnessStack.runAndExit("load", options.repoDir(), stack -> stack, stack -> run(options, stack));
    }

    private static void run(Options options, LocalStack stack) throws InterruptedException {
        Report.memory("idle", ProcessMemory.snapshot(), System.out);
        try (Gateway gateway = new Gateway(stack.gatewayUrl(), options.httpThreads());
             OpenLoop loop = new OpenLoop(gateway, options.pollInterval(), options.giveUp())) {
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
                stages.add(loop.run(residents, rate, options.stage()));
                Report.stages(stages.subList(stages.size() - 1, stages.size()), System.out);
            }
            System.out.println();
            Report.stages(stages, System.out);
            Report.memory("after the load", ProcessMemory.snapshot(), System.out);
        }
    }
}
