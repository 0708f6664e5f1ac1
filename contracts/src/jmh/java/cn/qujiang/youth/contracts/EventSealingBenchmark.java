package cn.qujiang.youth.contracts;

import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What crypto-shredding adds per event, on one thread: sealing and opening the profile facts (talent-service seals,
 * policy-service opens) and the criterion values of a 40-measure match event (policy-service seals, talent-service
 * opens), beside what writing and reading the same event as JSON already costs. The key is at hand (cached).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventSealingBenchmark {
    private final EventKey key = EventKey.generate();
    private ApplicantFacts facts;
    private ApplicantProfileChanged sealedProfile;
    private String sealedProfileJson;
    private MatchesEvaluated matches;
    private MatchesEvaluated sealedMatches;
    private String sealedMatchesJson;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden-facts.json")) {
            facts = EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ApplicantFacts.class);
        }
        sealedProfile = ApplicantProfileChanged.sealing("a1", 3, Instant.now(), facts, List.of(), key);
        sealedProfileJson = EventJson.write(sealedProfile);
        matches = fortyMeasures();
        sealedMatches = matches.sealValues(key);
        sealedMatchesJson = EventJson.write(sealedMatches);
    }

    @Benchmark
    public String profileWrittenPlain() {
        return EventJson.write(new ProfilePlain("a1", 3, Instant.EPOCH, facts));
    }

    @Benchmark
    public String profileSealedAndWritten() {
        return EventJson.write(ApplicantProfileChanged.sealing("a1", 3, Instant.EPOCH, facts, List.of(), key));
    }

    @Benchmark
    public ApplicantFacts profileReadAndOpened() {
        return EventJson.read(sealedProfileJson, ApplicantProfileChanged.class).facts(key);
    }

    @Benchmark
    public String matchesWrittenPlain() {
        return EventJson.write(matches);
    }

    @Benchmark
    public String matchesSealedAndWritten() {
        return EventJson.write(matches.sealValues(key));
    }

    @Benchmark
    public MatchesEvaluated matchesReadPlain() {
        return EventJson.read(sealedMatchesJson, MatchesEvaluated.class);
    }

    @Benchmark
    public MatchesEvaluated matchesReadAndOpened() {
        return EventJson.read(sealedMatchesJson, MatchesEvaluated.class).openValues(key);
    }

    /** The profile event as it was before its facts were sealed: the baseline. */
    record ProfilePlain(String applicantId, long profileVersion, Instant changedAt, ApplicantFacts facts) {
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
            results.add(new MatchResult("QJY-%02d".formatted(m), 1, m % 4 == 0 ? Outcome.ELIGIBLE : Outcome.INELIGIBLE,
                    m % 4 == 0 ? 1000L : null, m % 4 == 0 ? "YUAN" : null, "ONE_OFF_CASH", false, criteria, List.of(),
                    List.of(), null));
        }
        return new MatchesEvaluated("a1", 3, LocalDate.of(2026, 3, 2), Instant.EPOCH,
                MatchesEvaluated.Trigger.PROFILE_CHANGED, results, List.of("QJY-04"), List.of());
    }
}
