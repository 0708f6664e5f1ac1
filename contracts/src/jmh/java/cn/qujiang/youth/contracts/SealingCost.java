package cn.qujiang.youth.contracts;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What crypto-shredding adds per event, as CPU time of the working thread (other work on the machine moves wall
 * clock, not this): the profile event as talent-service writes it and policy-service reads it, the 40-measure match
 * event as policy-service writes it and talent-service reads it, each beside the same step without sealing. Plain
 * and sealed take turns in blocks of 2,000 events; each round's difference is paired, the median of the rounds is
 * printed. The key is at hand (the services cache it).
 *
 * <pre>mvn -pl contracts -Pbench verify -DskipTests [-Dbench.rounds=21]</pre>
 */
public final class SealingCost {
    private static final int BLOCK = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static Object sink;

    private SealingCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        EventKey key = EventKey.generate();
        ApplicantFacts facts;
        try (InputStream in = SealingCost.class.getClassLoader().getResourceAsStream("golden-facts.json")) {
            facts = EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ApplicantFacts.class);
        }
        ProfilePlain plainProfile = new ProfilePlain("a1", 3, Instant.EPOCH, facts, List.of());
        String plainProfileJson = EventJson.write(plainProfile);
        String sealedProfileJson = EventJson.write(
                ApplicantProfileChanged.sealing("a1", 3, Instant.EPOCH, facts, List.of(), key));
        MatchesEvaluated matches = fortyMeasures();
        String plainMatchesJson = EventJson.write(matches);
        String sealedMatchesJson = EventJson.write(matches.sealValues(key));

        System.out.printf("SealingCost: %d rounds of %d events each, CPU µs per event (median of paired rounds)%n",
                rounds, BLOCK);
        System.out.println("| step | plain | sealed | added |");
        System.out.println("|---|---:|---:|---:|");
        compare("profile event written (talent-service)", rounds, () -> EventJson.write(plainProfile),
                () -> EventJson.write(ApplicantProfileChanged.sealing("a1", 3, Instant.EPOCH, facts, List.of(), key)));
        compare("profile event read (policy-service)", rounds,
                () -> EventJson.read(plainProfileJson, ProfilePlain.class).facts(),
                () -> EventJson.read(sealedProfileJson, ApplicantProfileChanged.class).facts(key));
        compare("match event written (policy-service)", rounds, () -> EventJson.write(matches),
                () -> EventJson.write(matches.sealValues(key)));
        compare("match event read (talent-service)", rounds,
                () -> EventJson.read(plainMatchesJson, MatchesEvaluated.class),
                () -> EventJson.read(sealedMatchesJson, MatchesEvaluated.class).openValues(key));
        System.out.printf("sizes: profile %,d -> %,d bytes, match %,d -> %,d bytes%n", plainProfileJson.length(),
                sealedProfileJson.length(), plainMatchesJson.length(), sealedMatchesJson.length());
    }

    private static void compare(String step, int rounds, Supplier<Object> plain, Supplier<Object> sealed) {
        for (int warm = 0; warm < 10; warm++) {
            block(plain);
            block(sealed);
        }
        double[] plainMicros = new double[rounds];
        double[] sealedMicros = new double[rounds];
        double[] added = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            plainMicros[round] = block(plain);
            sealedMicros[round] = block(sealed);
            added[round] = sealedMicros[round] - plainMicros[round];
        }
        System.out.printf("| %s | %.1f | %.1f | %.1f |%n", step, median(plainMicros), median(sealedMicros),
                median(added));
    }

    private static double block(Supplier<Object> step) {
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < BLOCK; i++) {
            sink = step.get();
        }
        return (THREADS.getCurrentThreadCpuTime() - started) / 1_000.0 / BLOCK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The profile event as it was before its facts were sealed: the baseline. */
    record ProfilePlain(String applicantId, long profileVersion, Instant changedAt, ApplicantFacts facts,
            List<String> heldMeasures) {
    }

    /** 40 measures of 2 to 4 criteria each, every criterion with one or two raw values, as matching publishes. */
    private static MatchesEvaluated fortyMeasures() {
        List<MatchResult> results = new ArrayList<>();
        for (int m = 1; m <= 40; m++) {
            List<CriterionResult> criteria = new ArrayList<>();
            for (int c = 0; c < 2 + m % 3; c++) {
                Map<String, Object> values = c % 2 == 0 ? Map.of("age", 24)
                        : Map.of("employmentStatus", "JOB_SEEKING", "residesInQujiang", true);
                criteria.add(new CriterionResult("criterion-" + c, CriterionStatus.PASSED, values, null, null));
            }
            boolean eligible = m % 4 == 0;
            results.add(new MatchResult("QJY-%02d".formatted(m), 1, eligible ? Outcome.ELIGIBLE : Outcome.INELIGIBLE,
                    eligible ? 1000L : null, eligible ? "YUAN" : null, "ONE_OFF_CASH", false, criteria, List.of(),
                    List.of(), null));
        }
        return new MatchesEvaluated("a1", 3, LocalDate.of(2026, 3, 2), Instant.EPOCH,
                MatchesEvaluated.Trigger.PROFILE_CHANGED, results, List.of("QJY-04"), List.of());
    }
}
