package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.ServiceMessages;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.StoredApplications;
import cn.qujiang.youth.talent.application.StoredApplications.Spec;
import cn.qujiang.youth.talent.application.StoredApplications.Step;
import cn.qujiang.youth.talent.matches.EligibleCounts;
import cn.qujiang.youth.talent.matches.StoredMatches;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Not a test: times the uptake statistics over N stored applicants (default 100,000), each with a match result for
 * 40 measures (code, version and outcome only: whole results do not fit mongo-java-server's in-memory backend at
 * this size; the aggregation reads only each result's code and outcome) and one application, on
 * mongo-java-server's in-memory backend reached over the wire protocol, as the service reaches it. Starts the uptake
 * counts from the stored applications as the service does once on such a database, then prints the time of each
 * part (eligible counter, the period's days of the uptake counts, the overdue aggregation), of the adding up and of
 * the Excel workbook, cold (first run) and warm (median of 5 runs), and checks the year's counts against the
 * recount.
 * Run with {@code mvn -o -B -pl talent-service -am -Puptake-bench -DskipTests verify} (see README.md, "Statistics").
 */
public final class UptakeBenchmark {
    private static final int MEASURES = 40;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    private static final List<String> CATEGORIES = UptakeTally.CATEGORIES;
    private static final int WARM_RUNS = 5;

    private UptakeBenchmark() {
    }

    public static void main(String[] args) {
        int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            long seedStart = System.nanoTime();
            Map<String, MeasurePublished> catalogue = catalogue();
            seed(mongo, applicants, new Random(42));
            report("stored %,d applicants with match results and %,d applications in %.1f s (setup, not timed)",
                    applicants, applicants, (System.nanoTime() - seedStart) / 1e9);

            UptakeQueries queries = new UptakeQueries(mongo.template());
            EligibleCounts counts = new EligibleCounts(mongo.template());
            UptakeCounts uptake = new UptakeCounts(mongo.template());
            long startStart = System.nanoTime();
            long startCpu = processCpuMillis();
            uptake.startIfAbsent();
            report("start-up: the uptake counts recounted from the stored applications in %,d ms wall, %,d ms CPU "
                    + "(once per database)", (System.nanoTime() - startStart) / 1_000_000,
                    processCpuMillis() - startCpu);
            UptakeWorkbook workbook = new UptakeWorkbook(ServiceMessages.load());
            UptakePeriod year = new UptakePeriod(YEAR_START, TODAY);
            UptakePeriod month = new UptakePeriod(TODAY.withDayOfMonth(1), TODAY);
            Run cold = run(queries, counts, uptake, workbook, catalogue, year);
            report("cold, first run, period %s..%s: %s", year.from(), year.to(), cold);
            List<Run> warm = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                warm.add(run(queries, counts, uptake, workbook, catalogue, year));
            }
            report("warm, median of %d runs, the same period: %s", WARM_RUNS, Run.median(warm));
            List<Run> monthly = new ArrayList<>();
            for (int i = 0; i < WARM_RUNS; i++) {
                monthly.add(run(queries, counts, uptake, workbook, catalogue, month));
            }
            report("warm, median of %d runs, period %s..%s: %s", WARM_RUNS, month.from(), month.to(),
                    Run.median(monthly));
            UptakeCounts.Period counted = uptake.read(year);
            UptakeReport check = UptakeQueriesTest.tally(Locale.CHINESE).report(year, TODAY, Instant.now(),
                    catalogue, new UptakeTally.Groups(counts.now(), counted.applied(), queries.overdue(TODAY),
                            counted.decisions()));
            report("check: eligible %,d, applied %,d, approved %,d, rejected %,d, overdue %,d, median %.1f "
                    + "working days, %d weeks", check.total().eligible(), check.total().applied(),
                    check.total().approved(), check.total().rejected(), check.total().overdue(),
                    check.total().medianWorkingDays(), check.weeks().size());
            long recountStart = System.nanoTime();
            boolean same = UptakeOracle.normalized(counted).equals(UptakeOracle.recount(year, queries));
            report("the year's counts %s the recount of the applications (the recount took %,d ms)",
                    same ? "equal" : "DIFFER FROM", (System.nanoTime() - recountStart) / 1_000_000);
        }
    }

    /**
     * Milliseconds of each part of one request (the four aggregations, the adding up, the workbook), and the CPU
     * milliseconds the whole process (service side and database threads alike) spent on the report: on a shared
     * machine the wall time also counts the other programs' turns.
     */
    record Run(long eligible, long counted, long overdue, long tally, long workbook, long cpu) {
        long report() {
            return eligible + counted + overdue + tally;
        }

        static Run median(List<Run> runs) {
            return new Run(median(runs, Run::eligible), median(runs, Run::counted), median(runs, Run::overdue),
                    median(runs, Run::tally), median(runs, Run::workbook), median(runs, Run::cpu));
        }

        private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> part) {
            long[] values = runs.stream().mapToLong(part).sorted().toArray();
            return values[values.length / 2];
        }

        @Override
        public String toString() {
            return String.format("report %,d ms wall, %,d ms CPU (eligible %,d, applied and decisions from the "
                    + "counts %,d, overdue %,d, adding up %,d), + workbook %,d ms", report(), cpu, eligible, counted,
                    overdue, tally, workbook);
        }
    }

    private static Run run(UptakeQueries queries, EligibleCounts counts, UptakeCounts uptake, UptakeWorkbook workbook,
            Map<String, MeasurePublished> catalogue, UptakePeriod period) {
        long[] ms = new long[5];
        long cpuStart = processCpuMillis();
        Map<String, Long> eligible = timed(ms, 0, counts::now);
        UptakeCounts.Period counted = timed(ms, 1, () -> uptake.read(period));
        Map<String, Long> overdue = timed(ms, 2, () -> queries.overdue(TODAY));
        UptakeReport report = timed(ms, 3, () -> UptakeQueriesTest.tally(Locale.CHINESE).report(period, TODAY,
                Instant.now(), catalogue, new UptakeTally.Groups(eligible, counted.applied(), overdue,
                        counted.decisions())));
        long cpu = processCpuMillis() - cpuStart;
        timed(ms, 4, () -> workbook.write(report, Locale.CHINESE));
        return new Run(ms[0], ms[1], ms[2], ms[3], ms[4], cpu);
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static <T> T timed(long[] ms, int index, Supplier<T> part) {
        long start = System.nanoTime();
        T result = part.get();
        ms[index] = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    private static Map<String, MeasurePublished> catalogue() {
        Map<String, MeasurePublished> measures = new LinkedHashMap<>();
        for (int i = 0; i < MEASURES; i++) {
            String code = code(i);
            measures.put(code, UptakeQueriesTest.measure(code, "政策" + i, "Measure " + i,
                    CATEGORIES.get(i % CATEGORIES.size())));
        }
        return measures;
    }

    /** Applicants in pages of 5,000 (bulk inserts), each with 40 results and one application this year. */
    private static void seed(InMemoryMongo mongo, int applicants, Random random) {
        int page = 5_000;
        for (int first = 0; first < applicants; first += page) {
            List<MatchesEvaluated> matches = new ArrayList<>();
            List<Spec> applications = new ArrayList<>();
            for (int i = first; i < Math.min(applicants, first + page); i++) {
                String applicant = "bench-" + i;
                matches.add(matchesOf(applicant, random));
                applications.add(applicationOf(applicant, random));
            }
            StoredMatches.insertLean(mongo.template(), matches);
            StoredApplications.insert(mongo.template(), applications);
        }
    }

    private static MatchesEvaluated matchesOf(String applicant, Random random) {
        List<MatchResult> results = new ArrayList<>();
        for (int m = 0; m < MEASURES; m++) {
            Outcome outcome = Outcome.values()[random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(4)];
            results.add(new MatchResult(code(m), 1, outcome, outcome == Outcome.ELIGIBLE ? 1000L : null,
                    outcome == Outcome.ELIGIBLE ? "CNY" : null, "ONE_OFF_CASH", false, List.of(),
                    outcome == Outcome.NEEDS_INFO ? List.of("laborContractMonths") : List.of(), List.of(), null));
        }
        return new MatchesEvaluated(applicant, 3, TODAY, Instant.parse("2026-11-27T00:00:00Z"),
                MatchesEvaluated.Trigger.PROFILE_CHANGED, results, List.of(), List.of());
    }

    /**
     * One application on a random day of the year: 60 % approved, 15 % rejected, 10 % documents asked for then
     * approved, 10 % still waiting (due 5 days later, so the older ones are overdue), 5 % offers accepted.
     */
    private static Spec applicationOf(String applicant, Random random) {
        String code = code(random.nextInt(MEASURES));
        LocalDate day = YEAR_START.plusDays(random.nextInt((int) (TODAY.toEpochDay() - YEAR_START.toEpochDay())));
        Instant submitted = day.atTime(9 + random.nextInt(9), random.nextInt(60)).atZone(ServiceZone.ZONE).toInstant();
        Instant decided = submitted.plusSeconds(86_400L * (1 + random.nextInt(8)));
        int kind = random.nextInt(100);
        List<Step> steps = kind < 60 ? List.of(Step.officer(decided, "APPROVED"))
                : kind < 75 ? List.of(Step.officer(decided, "REJECTED"))
                : kind < 85 ? Arrays.asList(Step.officer(decided, "INFO_REQUESTED"),
                        Step.applicant(decided.plusSeconds(86_400), "SUBMITTED"),
                        Step.officer(decided.plusSeconds(3 * 86_400), "APPROVED"))
                : kind < 95 ? List.of()
                : List.of(Step.officer(decided, "CONFIRMED"), Step.applicant(decided.plusSeconds(3_600), "APPROVED"));
        Instant latestSubmission = kind >= 75 && kind < 85 ? decided.plusSeconds(86_400) : submitted;
        return new Spec(applicant, code, kind >= 95, submitted, latestSubmission, day.plusDays(5), 1000L, "CNY",
                "ONE_OFF_CASH", steps);
    }

    private static String code(int index) {
        return String.format("QJY-%02d", index + 1);
    }

    /** Each line with the machine's load average (1 min) beside it: the machine is shared. */
    private static void report(String format, Object... args) {
        System.out.printf("[uptake-bench] " + format + " (load average %.1f)%n", concat(args, loadAverage()));
    }

    private static Object[] concat(Object[] args, double load) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = load;
        return all;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
