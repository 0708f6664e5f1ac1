package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each {@link Outlooks} mode costs, as CPU time of the evaluating thread per applicant: the 40 sample measures
 * for the benchmark's generated applicants (CEL and the hand-written baseline, partial and complete profiles). The
 * modes take turns every 1,024 applicants and each round's cost is paired with the NONE block just before it, so
 * other work on the machine (which made JMH's wall-clock throughput swing tenfold between iterations) moves both
 * sides of a difference alike; the median of the rounds is printed. Cost = (mode − NONE) / mode: the share of
 * matching throughput the mode gives up.
 *
 * <pre>mvn -pl policy-engine -Pbench verify -DskipTests -Dbench.main=cn.qujiang.youth.policy.engine.eligibility.OutlookCost -Djmh.args=31</pre>
 * (the argument: rounds, default 31, after 10 rounds of warm-up).
 */
public final class OutlookCost {
    private static final int BLOCK = 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OutlookCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        EligibilityEngine engine = new EligibilityEngine();
        List<CompiledMeasure> cel = new ArrayList<>();
        for (MeasureDefinition definition : CatalogueSeed.load()) {
            cel.add(engine.compile(definition));
        }
        List<CompiledMeasure> handWritten = HandWrittenCatalogue.replaceRules(cel);
        System.out.printf("OutlookCost: %d rounds of %d applicants per mode, CPU µs per applicant (median), "
                + "cost = (mode - NONE) / mode, paired per round%n", rounds, BLOCK);
        System.out.println("| rules | profiles | NONE | NEAR_MISS (matching) | cost | DATES (shown) | cost |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String profiles : List.of("PARTIAL", "COMPLETE")) {
            List<ApplicantFacts> applicants = GeneratedApplicants.generate(BLOCK, 42,
                    profiles.equals("COMPLETE") ? 0 : 0.1);
            print("CEL", profiles, measure(engine, cel, applicants, rounds));
            print("hand-written", profiles, measure(engine, handWritten, applicants, rounds));
        }
    }

    /** Per mode: the µs per applicant of each round; and per round the cost against that round's NONE. */
    private static double[][] measure(EligibilityEngine engine, List<CompiledMeasure> measures,
            List<ApplicantFacts> applicants, int rounds) {
        Outlooks[] modes = Outlooks.values();
        for (int warm = 0; warm < 10; warm++) {
            for (Outlooks mode : modes) {
                block(engine, measures, applicants, mode);
            }
        }
        double[][] micros = new double[modes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (Outlooks mode : modes) {
                micros[mode.ordinal()][round] = block(engine, measures, applicants, mode);
            }
        }
        return micros;
    }

    private static double block(EligibilityEngine engine, List<CompiledMeasure> measures,
            List<ApplicantFacts> applicants, Outlooks mode) {
        long start = THREADS.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < applicants.size(); i++) {
            sink += engine.evaluateAll(measures, applicants.get(i), GeneratedApplicants.AS_OF,
                    GeneratedApplicants.held(i), mode).size();
        }
        if (sink != applicants.size() * measures.size()) {
            throw new IllegalStateException("every applicant gets a result per measure");
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1_000.0 / applicants.size();
    }

    private static void print(String rules, String profiles, double[][] micros) {
        double[] none = micros[Outlooks.NONE.ordinal()];
        double[] nearMiss = micros[Outlooks.NEAR_MISS.ordinal()];
        double[] dates = micros[Outlooks.DATES.ordinal()];
        System.out.printf("| %s | %s | %.1f | %.1f | %.1f %% | %.1f | %.1f %% |%n", rules, profiles, median(none),
                median(nearMiss), median(cost(nearMiss, none)), median(dates), median(cost(dates, none)));
    }

    private static double[] cost(double[] mode, double[] none) {
        double[] cost = new double[mode.length];
        for (int i = 0; i < mode.length; i++) {
            cost[i] = 100 * (mode[i] - none[i]) / mode[i];
        }
        return cost;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
