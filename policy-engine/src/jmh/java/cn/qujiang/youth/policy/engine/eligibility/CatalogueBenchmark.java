package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applicants per second matched against the whole sample catalogue on one thread (one operation = one applicant,
 * facts derived from the profile, all 40 measures), with the rules in CEL, hand-written Java and SpEL; plus the
 * time to compile the catalogue. Run with {@code mvn -pl policy-engine -Pbench verify}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class CatalogueBenchmark {

    private static final int APPLICANTS = 1024;

    /** PARTIAL: every fact missing with probability 10%, as in half-filled profiles; COMPLETE: none missing. */
    @Param({"PARTIAL", "COMPLETE"})
    public String profiles;

    /**
     * How much of what time does the engine works out ({@link Outlooks}): NEAR_MISS as matching does, DATES as the
     * results shown to a resident, NONE to tell what the others cost ({@code -p outlooks=NONE,NEAR_MISS,DATES}).
     */
    @Param({"NEAR_MISS"})
    public String outlooks;

    private final EligibilityEngine engine = new EligibilityEngine();
    private List<MeasureDefinition> definitions;
    private List<CompiledMeasure> cel;
    private List<CompiledMeasure> handWritten;
    private List<CompiledMeasure> spel;
    private List<ApplicantFacts> applicants;
    private int next;

    @Setup
    public void setUp() throws RuleCompilationException {
        definitions = CatalogueSeed.load();
        cel = compile();
        handWritten = HandWrittenCatalogue.replaceRules(cel);
        spel = SpelCatalogue.replaceRules(cel);
        applicants = GeneratedApplicants.generate(APPLICANTS, 42, profiles.equals("COMPLETE") ? 0 : 0.1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<MatchResult> cel() {
        return matchNextApplicant(cel);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<MatchResult> handWritten() {
        return matchNextApplicant(handWritten);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<MatchResult> spel() {
        return matchNextApplicant(spel);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<CompiledMeasure> compileCatalogue() throws RuleCompilationException {
        return compile();
    }

    private List<MatchResult> matchNextApplicant(List<CompiledMeasure> measures) {
        int index = next++ & (APPLICANTS - 1);
        Set<String> held = GeneratedApplicants.held(index);
        return engine.evaluateAll(measures, applicants.get(index), GeneratedApplicants.AS_OF, held,
                Outlooks.valueOf(outlooks));
    }

    private List<CompiledMeasure> compile() throws RuleCompilationException {
        List<CompiledMeasure> compiled = new ArrayList<>(definitions.size());
        for (MeasureDefinition definition : definitions) {
            compiled.add(engine.compile(definition));
        }
        return compiled;
    }
}
