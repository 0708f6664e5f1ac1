package cn.qujiang.youth.policy;

import static cn.qujiang.youth.policy.RematchBenchmark.report;
import static cn.qujiang.youth.policy.RematchBenchmark.seconds;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.Ports;
import cn.qujiang.youth.infra.TestInfrastructure;
import cn.qujiang.youth.policy.catalogue.BenchCatalogue;
import cn.qujiang.youth.policy.matching.BenchApplicants;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: times the impact preview of a draft over N stored applicants (default 100,000) in the MongoDB-wire
 * server (its own JVM, as in {@link RematchBenchmark}), then publishes the draft and checks that the re-match
 * changed exactly as many applicants as the preview said. Run with
 * {@code mvn -o -pl policy-service -Pbench -DskipTests verify -Dbench.service.main=cn.qujiang.youth.policy.ImpactBenchmark}.
 *
 * <p>The draft narrows the age criterion of QJY-37 from 18–35 to 18–30 (about one applicant in six changes). The
 * first preview runs right after start-up (cold), the next ones as in a service that has been running (warm).
 */
public final class ImpactBenchmark {
    private static final String MEASURE = "QJY-37";
    private static final int WARM_RUNS = 3;

    private ImpactBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        int mongoPort = Ports.free();
        ChildProcess mongo = RematchBenchmark.startMongo(mongoPort,
                System.getProperty("bench.mongo.jvm", "-Xmx5g -XX:+UseG1GC"));
        ConfigurableApplicationContext context = RematchBenchmark.startService(bootstrap, mongoPort);
        int status = 0;
        try {
            long seedStart = System.nanoTime();
            BenchApplicants.seed(context, applicants, 42);
            report("stored %,d evaluated applicants in %.1f s (setup, not timed)", applicants, seconds(seedStart));
            BenchCatalogue.draftChangedCriterion(context, MEASURE, "age", "applicant.age >= 18 && applicant.age <= 30");

            BenchApplicants.Preview cold = BenchApplicants.previewImpact(context, MEASURE);
            report("cold preview: %s", describe(cold));
            BenchApplicants.Preview best = null;
            for (int i = 0; i < WARM_RUNS; i++) {
                BenchApplicants.Preview warm = BenchApplicants.previewImpact(context, MEASURE);
                report("warm preview %d: %s", i + 1, describe(warm));
                best = best == null || warm.millis() < best.millis() ? warm : best;
            }
            report("target: preview of %,d applicants within the gateway's 5 s -> %s (best warm %.2f s)", applicants,
                    best.millis() <= 5000 ? "met" : "MISSED, served in the background", best.millis() / 1e3);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Timer runs = meters.get("policy.rematch.runs").timer();
            Counter changed = meters.get("policy.rematch.changed").counter();
            long runsBefore = runs.count();
            double changedBefore = changed.count();
            BenchCatalogue.approveAndPublish(context, MEASURE);
            await().forever().pollInterval(Duration.ofMillis(200)).until(() -> runs.count() > runsBefore);
            long rematched = Math.round(changed.count() - changedBefore);
            report("published; the re-match changed %,d applicants, the preview said %,d -> %s", rematched,
                    best.changed(), rematched == best.changed() ? "equal" : "DIFFERENT");
            if (rematched != best.changed()) {
                status = 1;
            }
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            context.close();
            mongo.close();
        }
        System.exit(status);
    }

    private static String describe(BenchApplicants.Preview preview) {
        return String.format("%,d applicants in %.2f s (%,.0f/s): %,d become eligible, %,d lose eligibility, "
                + "%,d change", preview.applicants(), preview.millis() / 1e3,
                preview.applicants() * 1000.0 / Math.max(1, preview.millis()), preview.becomeEligible(),
                preview.loseEligibility(), preview.changed());
    }
}
