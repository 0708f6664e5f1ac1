package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition.Criterion;
import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import cn.qujiang.youth.policy.engine.eligibility.EligibilityEngine;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import cn.qujiang.youth.policy.matching.ImpactTally.Change;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImpactTallyTest {
    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = TODAY.atTime(9, 0).atZone(DISTRICT).toInstant();
    private final EligibilityEngine engine = new EligibilityEngine();
    private final Matcher matcher = new Matcher(null, engine, Clock.fixed(NOW, DISTRICT));

    @Test
    void thePreviewCountsExactlyWhatTheReMatchAfterPublishingChanges() throws Exception {
        CatalogueSnapshot published = snapshot(CatalogueSeed.load());
        CompiledMeasure sports = sports(published);
        CompiledMeasure draft = engine.compile(withAgeRule(sports.definition(),
                "applicant.age >= 20 && applicant.age <= 40").withVersion(2));
        List<ApplicantMatches> applicants = applicants(published, 400);

        ImpactTally tally = new ImpactTally(matcher, sports, draft, TODAY);
        applicants.stream().map(tally::compare).forEach(tally::add);

        List<CompiledMeasure> after = published.measures().stream()
                .map(measure -> measure == sports ? draft : measure).toList();
        long newly = 0;
        long noLonger = 0;
        long events = 0;
        long eligibleAfter = 0;
        for (ApplicantMatches stored : applicants) {
            List<String> lines = matcher.refreshedLines(stored, after, TODAY);
            MatchDiff diff = MatchDiff.between(stored.results(), lines);
            newly += diff.newlyEligible().size();
            noLonger += diff.noLongerEligible().size();
            events += diff.changed() ? 1 : 0;
            eligibleAfter += StoredResult.eligibleCodes(lines).contains(sports.code()) ? 1 : 0;
        }
        assertThat(tally.applicants()).isEqualTo(400);
        assertThat(tally.count(Change.BECOMES_ELIGIBLE)).isEqualTo(newly).isPositive();
        assertThat(tally.count(Change.LOSES_ELIGIBILITY)).isEqualTo(noLonger).isPositive();
        assertThat(tally.changed()).isEqualTo(events);
        assertThat(tally.after(Outcome.ELIGIBLE)).isEqualTo(eligibleAfter);
        assertThat(tally.before(Outcome.ELIGIBLE) + newly - noLonger).isEqualTo(eligibleAfter);
    }

    @Test
    void examplesAreFewAnonymousAndShowOnlyTheValuesThatExplainTheChange() throws Exception {
        CatalogueSnapshot published = snapshot(CatalogueSeed.load());
        CompiledMeasure sports = sports(published);
        CompiledMeasure draft = engine.compile(withAgeRule(sports.definition(),
                "applicant.age >= 18 && applicant.age <= 40").withVersion(2));

        ImpactTally tally = new ImpactTally(matcher, sports, draft, TODAY);
        applicants(published, 400).stream().map(tally::compare).forEach(tally::add);

        assertThat(tally.count(Change.LOSES_ELIGIBILITY)).isZero();
        assertThat(tally.examples()).isNotEmpty().hasSizeLessThanOrEqualTo(ImpactTally.EXAMPLES_PER_CHANGE * 4)
                .allSatisfy(example -> assertThat(example.change()).isNotEqualTo(Change.LOSES_ELIGIBILITY));
        ImpactTally.Example older = tally.examples().stream()
                .filter(example -> example.change() == Change.BECOMES_ELIGIBLE).findFirst().orElseThrow();
        assertThat(older.outcomeBefore()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(older.outcomeAfter()).isEqualTo(Outcome.ELIGIBLE);
        ImpactTally.CriterionChange age = older.criteria().stream().filter(c -> c.id().equals("age")).findFirst()
                .orElseThrow();
        assertThat(age.before()).isEqualTo("FAILED");
        assertThat(age.after()).isEqualTo("PASSED");
        assertThat(((Number) age.values().get("age")).intValue()).isBetween(36, 40);
        assertThat(older.criteria()).filteredOn(c -> !c.id().equals("age"))
                .allSatisfy(unchanged -> assertThat(unchanged.values()).isEmpty());
    }

    @Test
    void aNewMeasureHasNoResultsBeforeAndEveryoneItCoversBecomesEligible() throws Exception {
        CatalogueSnapshot published = snapshot(CatalogueSeed.load());
        MeasureDefinition sports = sports(published).definition();
        CompiledMeasure fresh = engine.compile(new MeasureDefinition("QJY-99", 1, sports.title(), sports.summary(),
                sports.category(), sports.department(), sports.mode(), sports.window(), null, List.of(), 5,
                sports.benefit(), null, sports.criteria(), List.of(), sports.examples()));

        ImpactTally tally = new ImpactTally(matcher, null, fresh, TODAY);
        applicants(published, 100).stream().map(tally::compare).forEach(tally::add);

        assertThat(tally.before(Outcome.ELIGIBLE) + tally.before(Outcome.INELIGIBLE)).isZero();
        assertThat(tally.count(Change.BECOMES_ELIGIBLE)).isEqualTo(tally.after(Outcome.ELIGIBLE));
        assertThat(tally.changed()).isEqualTo(100);
    }

    private List<ApplicantMatches> applicants(CatalogueSnapshot catalogue, int count) {
        Random random = new Random(5);
        List<ApplicantMatches> applicants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApplicantFacts facts = BenchApplicants.facts(random, TODAY);
            applicants.add(new ApplicantMatches("a" + i, 1, 1, facts, List.of(), TODAY, catalogue.revision(), NOW,
                    matcher.results(catalogue, facts, List.of(), TODAY, Outlooks.NEAR_MISS).stream()
                            .map(result -> StoredResult.of(result).encode()).toList(),
                    List.of(), false, List.of()));
        }
        return applicants;
    }

    private CatalogueSnapshot snapshot(List<MeasureDefinition> definitions) throws Exception {
        List<CompiledMeasure> compiled = new ArrayList<>();
        for (MeasureDefinition definition : definitions) {
            compiled.add(engine.compile(definition.withVersion(1)));
        }
        return new CatalogueSnapshot(1, compiled);
    }

    /** 体育场馆青年优惠: aged 18 to 35 and living or working in the district, which most applicants do. */
    private static CompiledMeasure sports(CatalogueSnapshot catalogue) {
        return catalogue.measures().stream().filter(m -> m.code().equals("QJY-36")).findFirst().orElseThrow();
    }

    private static MeasureDefinition withAgeRule(MeasureDefinition measure, String expression) {
        List<Criterion> criteria = new ArrayList<>(measure.criteria());
        Criterion age = criteria.get(0);
        criteria.set(0, new Criterion(age.id(), expression, age.label(), age.hint()));
        return new MeasureDefinition(measure.code(), measure.version(), measure.title(), measure.summary(),
                measure.category(), measure.department(), measure.mode(), measure.window(), measure.quota(),
                measure.excludes(), measure.responseWorkingDays(), measure.benefit(), measure.grant(), criteria,
                measure.documents(), measure.examples());
    }
}
