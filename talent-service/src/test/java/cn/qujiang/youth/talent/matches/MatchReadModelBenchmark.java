package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.eventkey.TestEventKeys;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not a test: times what taking one {@code MatchesEvaluated} costs talent-service, from the record's JSON to the
 * stored results and the eligible counts (what {@code MatchListener} does, without the profile check and the
 * offers), against mongo-java-server in this JVM. Events as policy-service publishes them: 40 measures, criteria
 * with values sealed with the applicant's key, each new profile version turning a few outcomes.
 * {@code java -cp <test classpath> cn.qujiang.youth.talent.matches.MatchReadModelBenchmark [events]}; prints the
 * listener thread's CPU and the whole process's (the database included) per event.
 */
public final class MatchReadModelBenchmark {
    private static final int MEASURES = 40;
    private static final int APPLICANTS = 200;

    private MatchReadModelBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            EventKeys keys = TestEventKeys.in(mongo.template());
            MatchReadModel model = new MatchReadModel(mongo.template(), new EligibleCounts(mongo.template()), keys,
                    Clock.systemUTC());
            List<String> records = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String applicant = "applicant-" + (i % APPLICANTS);
                MatchesEvaluated event = event(applicant, i / APPLICANTS + 1, i);
                records.add(EventJson.write(event.sealValues(keys.forApplicant(applicant))));
            }
            int warmUp = events / 3;
            run(model, keys, records.subList(0, warmUp), "warm-up");
            run(model, keys, records.subList(warmUp, events), "measured");
        }
    }

    private static void run(MatchReadModel model, EventKeys keys, List<String> records, String label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long thread0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (String record : records) {
            MatchesEvaluated sealed = EventJson.read(record, MatchesEvaluated.class);
            EventKey key = keys.find(sealed.applicantId()).orElseThrow();
            model.apply(sealed, key);
        }
        int n = records.size();
        System.out.printf("%s: %d events, listener thread %.0f µs/event, process %.0f µs/event, wall %.0f µs/event, "
                + "record %d bytes, load average %.1f%n", label, n,
                (threads.getCurrentThreadCpuTime() - thread0) / 1e3 / n, (os.getProcessCpuTime() - process0) / 1e3 / n,
                (System.nanoTime() - wall0) / 1e3 / n, records.get(0).length(), os.getSystemLoadAverage());
    }

    private static MatchesEvaluated event(String applicant, long version, int seed) {
        List<MatchResult> results = new ArrayList<>();
        for (int m = 0; m < MEASURES; m++) {
            boolean eligible = (m + seed) % 5 == 0;
            List<CriterionResult> criteria = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("age", 24 + c);
                values.put("degree", "BACHELOR");
                criteria.add(new CriterionResult("criterion-" + c,
                        eligible || c > 0 ? CriterionStatus.PASSED : CriterionStatus.FAILED, values, null, null));
            }
            results.add(new MatchResult("QJY-%02d".formatted(m + 1), 2, eligible ? Outcome.ELIGIBLE : Outcome.INELIGIBLE,
                    eligible ? 3000L : null, eligible ? "CNY_MONTH" : null, "MONTHLY_CASH", !eligible && m % 3 == 0,
                    criteria, List.of(), List.of(), null));
        }
        return new MatchesEvaluated(applicant, version, LocalDate.of(2026, 3, 2),
                Instant.parse("2026-03-02T08:00:00Z").plusMillis(seed), Trigger.PROFILE_CHANGED, results,
                List.of(), List.of());
    }
}
