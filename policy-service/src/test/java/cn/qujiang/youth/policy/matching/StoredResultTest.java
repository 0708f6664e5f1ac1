package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.engine.catalogue.CatalogueSeed;
import cn.qujiang.youth.policy.engine.catalogue.MeasureDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredResultTest {

    @Test
    void linesAreComparedInPlaceAsTheirDecodedResultsWouldBe() {
        String line = "QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||";
        String newVersion = "QJY-01|12|ELIGIBLE|7|NIGHT|false|age:PASSED||";
        String moreNights = "QJY-01|12|ELIGIBLE|8|NIGHT|false|age:PASSED||";
        String lost = "QJY-01|2|NEEDS_INFO|||false|age:UNKNOWN|birthDate|";
        String other = "QJY-011|1|ELIGIBLE|7|NIGHT|false|age:PASSED||";

        assertThat(StoredResult.sameMeasure(line, newVersion)).isTrue();
        assertThat(StoredResult.sameMeasure(line, other)).isFalse();
        assertThat(StoredResult.sameMeasure(other, line)).isFalse();
        assertThat(StoredResult.sameNoticeable(line, newVersion)).isTrue()
                .isEqualTo(StoredResult.decode(line).noticeable().equals(StoredResult.decode(newVersion).noticeable()));
        assertThat(StoredResult.sameNoticeable(line, moreNights)).isFalse();
        assertThat(StoredResult.sameNoticeable(newVersion, moreNights)).isFalse();
        assertThat(StoredResult.sameNoticeable(line, lost)).isFalse();
        assertThat(StoredResult.isEligible(line)).isTrue();
        assertThat(StoredResult.isEligible(lost)).isFalse();
        assertThat(StoredResult.isEligible("QJY-02|1|INELIGIBLE||||age:FAILED||")).isFalse();
    }

    @Test
    void aLineIsDecidedByOneVersionOfOneMeasure() {
        String line = "QJY-01|12|ELIGIBLE|7|NIGHT|false|age:PASSED||";

        assertThat(StoredResult.decidedBy(line, "QJY-01", 12)).isTrue();
        assertThat(StoredResult.decidedBy(line, "QJY-01", 1)).isFalse();
        assertThat(StoredResult.decidedBy(line, "QJY-01", 2)).isFalse();
        assertThat(StoredResult.decidedBy(line, "QJY-0", 12)).as("another code's prefix").isFalse();
        assertThat(StoredResult.decidedBy("QJY-010|12|ELIGIBLE||||||", "QJY-01", 12)).isFalse();
    }

    @Test
    void aResultIsStoredAsOneReadableLineAndReadBackUnchanged() throws IOException {
        MatchResult station = golden().results().get(0);

        String line = StoredResult.of(station).encode();

        assertThat(line).isEqualTo("QJY-01|2|ELIGIBLE|7|NIGHT|false|age:PASSED,first-job-search:PASSED||");
        assertThat(StoredResult.decode(line)).isEqualTo(StoredResult.of(station));
    }

    @Test
    void everyPartOfTheTraceSurvivesTheRoundTrip() {
        StoredResult excluded = new StoredResult("QJY-07", 3, Outcome.EXCLUDED, null, null, false, List.of(),
                List.of(), List.of("QJY-03", "QJY-05"));
        StoredResult needsInfo = new StoredResult("QJY-12", 1, Outcome.NEEDS_INFO, null, null, false,
                List.of(new StoredResult.Criterion("first-job", CriterionStatus.PASSED),
                        new StoredResult.Criterion("insured.months", CriterionStatus.UNKNOWN)),
                List.of("employerInQujiang", "socialInsuranceMonthsInQujiang"), List.of());

        assertThat(StoredResult.decode(excluded.encode())).isEqualTo(excluded);
        assertThat(StoredResult.decode(needsInfo.encode())).isEqualTo(needsInfo);
    }

    @Test
    void withoutItsMeasureVersionAResultStillShowsItsOutcome() throws IOException {
        MatchResult result = golden().results().get(1);

        MatchResult shown = StoredResult.of(result).withoutValues();

        assertThat(shown.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(shown.missingFacts()).isEqualTo(result.missingFacts());
        ResultViews.ResultView view = ResultViews.of(shown, Optional.empty(), false, Locale.ENGLISH);
        assertThat(view.title()).isEqualTo("QJY-12");
        assertThat(view.criteria().get(0).label()).isEqualTo("insured");
    }

    @Test
    void viewsTakeTheWordsOfTheDecidingVersionAndShowHintsOnlyWhereSomethingIsLeftToDo() throws IOException {
        MeasureDefinition station = CatalogueSeed.load().get(0);
        MatchResult eligible = golden().results().get(0);
        MatchResult tooOld = new MatchResult("QJY-01", 2, Outcome.INELIGIBLE, null, null, "IN_KIND", true,
                List.of(new CriterionResult("age", CriterionStatus.FAILED, Map.of("age", 36L), null,
                        LocalDate.of(2026, 1, 5))), List.of(), List.of(), null);

        ResultViews.ResultView passed = ResultViews.of(eligible, Optional.of(station), false, Locale.ENGLISH);
        ResultViews.ResultView failed = ResultViews.of(tooOld, Optional.of(station), false, Locale.SIMPLIFIED_CHINESE);

        assertThat(passed.title()).isEqualTo("Free lodging at youth stations");
        assertThat(passed.criteria().get(0).label()).isEqualTo(station.criteria().get(0).label().en());
        assertThat(passed.criteria().get(0).hint()).isNull();
        assertThat(passed.criteria().get(0).values()).containsEntry("age", "24");
        assertThat(passed.criteria().get(1).values())
                .containsEntry("firstTimeInQujiang", "true").containsEntry("employmentStatus", "JOB_SEEKING");
        assertThat(failed.title()).isEqualTo("青年驿站免费住宿");
        assertThat(failed.criteria().get(0).hint()).isEqualTo(station.criteria().get(0).hint().zh()).isNotBlank();
        assertThat(failed.criteria().get(0).values()).containsEntry("age", "36");
    }

    @Test
    void viewsSayWhenTimeAloneMakesTheApplicantEligibleAndWhatIsHeld() throws IOException {
        MatchResult waiting = golden().results().get(2);

        ResultViews.ResultView view = ResultViews.of(waiting, Optional.empty(), true, Locale.SIMPLIFIED_CHINESE);

        assertThat(view.eligibleFrom()).hasToString("2026-04-01");
        assertThat(view.criteria().get(0).passesFrom()).hasToString("2026-04-01");
        assertThat(view.held()).isTrue();
    }

    private static MatchesEvaluated golden() throws IOException {
        try (InputStream in = StoredResultTest.class.getClassLoader()
                .getResourceAsStream(EventType.MATCHES_EVALUATED.goldenResource())) {
            return EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), MatchesEvaluated.class)
                    .openValues(EventType.GOLDEN_SAMPLE_KEY);
        }
    }
}
