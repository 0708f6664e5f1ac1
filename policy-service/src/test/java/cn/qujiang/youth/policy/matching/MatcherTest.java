package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import cn.qujiang.youth.policy.engine.eligibility.RuleCompilationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatcherTest {
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = TODAY.atTime(9, 0).atZone(DISTRICT).toInstant();
    private final EligibilityEngine engine = new EligibilityEngine();
    private final Matcher matcher = new Matcher(null, engine, Clock.fixed(NOW, DISTRICT));

    @Test
    void afterAPublishOnlyTheChangedMeasureIsDecidedAgainAndTheResultEqualsAFullEvaluation() throws Exception {
        CatalogueSnapshot before = snapshot(1, CatalogueSeed.load());
        CatalogueSnapshot after = withStationFor18To25(before);
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            ApplicantFacts facts = BenchApplicants.facts(random, TODAY);
            ApplicantMatches stored = stored(facts, before, TODAY);

            List<String> refreshed = matcher.refreshedLines(stored, after.measures(), TODAY);

            assertThat(refreshed).isEqualTo(full(facts, after, TODAY));
            assertThat(refreshed).filteredOn(line -> !line.startsWith("QJY-01|"))
                    .isEqualTo(stored.results().stream().filter(line -> !line.startsWith("QJY-01|")).toList());
        }
    }

    @Test
    void theEventsResultsBuiltFromTheLinesEqualAFullEvaluation() throws Exception {
        CatalogueSnapshot catalogue = snapshot(1, CatalogueSeed.load());
        List<String> codes = catalogue.measures().stream().map(CompiledMeasure::code).toList();
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            ApplicantFacts facts = BenchApplicants.facts(random, TODAY);
            List<String> held = random.nextInt(3) == 0 ? List.of(codes.get(random.nextInt(codes.size()))) : List.of();
            List<MatchesEvaluated.MatchResult> full = matcher.results(catalogue, facts, held, TODAY,
                    Outlooks.NEAR_MISS);
            List<String> lines = full.stream().map(result -> StoredResult.of(result).encode()).toList();

            assertThat(matcher.announced(lines, catalogue.measures(), facts, TODAY)).isEqualTo(full);
        }
    }

    @Test
    void onANewDayEveryMeasureIsDecidedAgain() throws Exception {
        CatalogueSnapshot catalogue = snapshot(1, CatalogueSeed.load());
        Random random = new Random(11);
        for (int i = 0; i < 30; i++) {
            ApplicantFacts facts = BenchApplicants.facts(random, TODAY);
            ApplicantMatches stored = stored(facts, catalogue, TODAY.minusYears(1));

            assertThat(matcher.refreshedLines(stored, catalogue.measures(), TODAY))
                    .isEqualTo(full(facts, catalogue, TODAY));
        }
    }

    @Test
    void aRetiredMeasureLeavesTheResults() throws Exception {
        CatalogueSnapshot catalogue = snapshot(1, CatalogueSeed.load());
        CatalogueSnapshot retired = new CatalogueSnapshot(2,
                catalogue.measures().subList(1, catalogue.measures().size()));
        ApplicantMatches stored = stored(BenchApplicants.facts(new Random(3), TODAY), catalogue, TODAY);

        List<String> refreshed = matcher.refreshedLines(stored, retired.measures(), TODAY);

        assertThat(refreshed).hasSize(catalogue.measures().size() - 1).isEqualTo(stored.results().subList(1, 40));
    }

    private ApplicantMatches stored(ApplicantFacts facts, CatalogueSnapshot catalogue, LocalDate asOf) {
        return new ApplicantMatches("a", 1, 1, facts, List.of(), asOf, catalogue.revision(), NOW,
                full(facts, catalogue, asOf), List.of(), false, List.of());
    }

    private List<String> full(ApplicantFacts facts, CatalogueSnapshot catalogue, LocalDate asOf) {
        return matcher.results(catalogue, facts, List.of(), asOf, Outlooks.NEAR_MISS).stream()
                .map(result -> StoredResult.of(result).encode()).toList();
    }

    private CatalogueSnapshot snapshot(long revision, List<MeasureDefinition> definitions)
            throws RuleCompilationException {
        List<CompiledMeasure> compiled = new ArrayList<>();
        for (MeasureDefinition definition : definitions) {
            compiled.add(engine.compile(definition.version() == 0 ? definition.withVersion(1) : definition));
        }
        return new CatalogueSnapshot(revision, compiled);
    }

    private CatalogueSnapshot withStationFor18To25(CatalogueSnapshot before) throws RuleCompilationException {
        List<MeasureDefinition> definitions = new ArrayList<>(before.definitions());
        MeasureDefinition station = definitions.get(0);
        List<Criterion> criteria = new ArrayList<>(station.criteria());
        Criterion age = criteria.get(0);
        criteria.set(0, new Criterion(age.id(), "applicant.age >= 18 && applicant.age <= 25", age.label(), age.hint()));
        definitions.set(0, new MeasureDefinition(station.code(), 2, station.title(), station.summary(),
                station.category(), station.department(), station.mode(), station.window(), station.quota(),
                station.excludes(), station.responseWorkingDays(), station.benefit(), station.grant(), criteria, station.documents(),
                station.examples()));
        return snapshot(before.revision() + 1, definitions);
    }
}
