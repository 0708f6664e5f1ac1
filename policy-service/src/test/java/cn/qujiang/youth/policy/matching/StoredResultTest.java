package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.CriterionStatus;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StoredResultTest {

    @Test
    void aResultIsStoredAsOneReadableLineAndReadBackUnchanged() throws IOException {
        MatchResult station = golden().results().get(0);

        String line = StoredResult.of(station).encode();

        assertThat(line).isEqualTo("QJY-01|2|ELIGIBLE|7|NIGHT|false|age:PASSED||");
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

        MatchResult shown = StoredResult.of(result).withoutTexts();

        assertThat(shown.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(shown.missingFacts()).isEqualTo(result.missingFacts());
        assertThat(shown.title()).isNull();
        assertThat(view(shown, Locale.ENGLISH).title()).isEqualTo("QJY-12");
        assertThat(view(shown, Locale.ENGLISH).criteria().get(0).label()).isEqualTo("insured");
    }

    @Test
    void viewsShowHintsOnlyWhereSomethingIsLeftToDo() throws IOException {
        MatchesEvaluated golden = golden();

        ResultViews.ResultView passed = view(golden.results().get(0), Locale.ENGLISH);
        ResultViews.ResultView unknown = view(golden.results().get(1), Locale.ENGLISH);

        assertThat(passed.title()).isEqualTo("Free lodging at youth stations");
        assertThat(passed.criteria().get(0).hint()).isNull();
        assertThat(passed.criteria().get(0).values()).containsEntry("age", "24");
        assertThat(unknown.criteria().get(0).hint()).isEqualTo("Add your months of social insurance");
        assertThat(view(golden.results().get(0), Locale.SIMPLIFIED_CHINESE).title()).isEqualTo("青年驿站免费住宿");
    }

    @Test
    void viewsSayWhenTimeAloneMakesTheApplicantEligible() throws IOException {
        ResultViews.ResultView waiting = view(golden().results().get(2), Locale.SIMPLIFIED_CHINESE);

        assertThat(waiting.eligibleFrom()).hasToString("2026-04-01");
        assertThat(waiting.criteria().get(0).passesFrom()).hasToString("2026-04-01");
        assertThat(waiting.held()).isFalse();
    }

    /** A result as shown, with no catalogue to take a window from. */
    private static ResultViews.ResultView view(MatchResult result, Locale locale) {
        return ResultViews.of(List.of(result), new CatalogueSnapshot(0, List.of()), List.of(), locale).get(0);
    }

    private static MatchesEvaluated golden() throws IOException {
        try (InputStream in = StoredResultTest.class.getClassLoader()
                .getResourceAsStream(EventType.MATCHES_EVALUATED.goldenResource())) {
            return EventJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), MatchesEvaluated.class);
        }
    }
}
