package cn.qujiang.youth.notification.news;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resident is told, and when, as evaluations come in while they edit their profile. */
class EligibilityNewsTest {
    private static final NewsProperties WINDOW = new NewsProperties(Duration.ofSeconds(30), Duration.ofMinutes(3), null);
    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

    @Test
    void newsLeavesThirtySecondsAfterTheLatestNewsButNoLaterThanThreeMinutesAfterTheFirst() {
        EligibilityNews news = EligibilityNews.none("a1")
                .taking("e1", evaluated(List.of("QJY-01"), List.of()), T0, WINDOW);
        assertThat(news.sendAt()).isEqualTo(T0.plusSeconds(30));

        news = news.taking("e2", evaluated(List.of("QJY-05"), List.of()), T0.plusSeconds(20), WINDOW);
        assertThat(news.sendAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(news.measures()).extracting(EligibleMeasure::code).containsExactly("QJY-01", "QJY-05");

        news = news.taking("e3", evaluated(List.of("QJY-12"), List.of()), T0.plusSeconds(170), WINDOW);
        assertThat(news.sendAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(news.firstAt()).isEqualTo(T0);
    }

    @Test
    void aMeasureNoLongerEligibleBeforeTheMessageLeavesIsNotTold() {
        EligibilityNews news = EligibilityNews.none("a1")
                .taking("e4", evaluated(List.of("QJY-01", "QJY-05"), List.of()), T0, WINDOW)
                .taking("e5", evaluated(List.of(), List.of("QJY-01")), T0.plusSeconds(10), WINDOW);

        assertThat(news.measures()).extracting(EligibleMeasure::code).containsExactly("QJY-05");
        assertThat(news.sendAt()).as("a retraction does not postpone the rest").isEqualTo(T0.plusSeconds(30));

        EligibilityNews nothing = news.taking("e6", evaluated(List.of(), List.of("QJY-05")), T0.plusSeconds(12),
                WINDOW);
        assertThat(nothing.measures()).isEmpty();
        assertThat(nothing.sendAt()).isNull();
    }

    @Test
    void aRedeliveredEventIsRecognisedAmongTheLatestTwenty() {
        EligibilityNews news = EligibilityNews.none("a1")
                .taking("first", evaluated(List.of("QJY-01"), List.of()), T0, WINDOW);
        for (int i = 0; i < EligibilityNews.RECENT_EVENTS - 1; i++) {
            news = news.taking("later-" + i, evaluated(List.of(), List.of()), T0.plusSeconds(i), WINDOW);
        }
        assertThat(news.hasTaken("first")).isTrue();
        assertThat(news.hasTaken("later-3")).isTrue();
        assertThat(news.hasTaken("unknown")).isFalse();

        news = news.taking("one-more", evaluated(List.of(), List.of()), T0.plusSeconds(60), WINDOW);
        assertThat(news.hasTaken("first")).as("only the latest twenty are kept").isFalse();
        assertThat(news.recentEvents()).hasSize(EligibilityNews.RECENT_EVENTS);
    }

    @Test
    void newsThatCameWhileAMessageWasPlannedStaysForTheNextOne() {
        EligibilityNews planned = EligibilityNews.none("a1")
                .taking("e7", evaluated(List.of("QJY-01"), List.of()), T0, WINDOW);
        EligibilityNews meanwhile = planned.taking("e8", evaluated(List.of("QJY-30"), List.of()), T0.plusSeconds(31),
                WINDOW);

        EligibilityNews left = meanwhile.withoutTold(planned, T0.plusSeconds(32), WINDOW);

        assertThat(left.measures()).extracting(EligibleMeasure::code).containsExactly("QJY-30");
        assertThat(left.sendAt()).isEqualTo(T0.plusSeconds(62));
        assertThat(planned.withoutTold(planned, T0.plusSeconds(32), WINDOW).sendAt()).isNull();
    }

    /** An evaluation of applicant a1 (QJY-01: 7 nights, QJY-05: 50 %) that makes {@code newlyEligible} news. */
    static MatchesEvaluated evaluated(List<String> newlyEligible, List<String> noLongerEligible) {
        List<MatchResult> results = List.of(
                new MatchResult("QJY-01", 1, Outcome.ELIGIBLE, 7L, "NIGHT", "IN_KIND", false, null, null, null, null),
                new MatchResult("QJY-05", 1, Outcome.ELIGIBLE, 50L, "PERCENT", "DISCOUNT", false, null, null, null,
                        null));
        return new MatchesEvaluated("a1", 1, LocalDate.of(2026, 11, 29), T0, MatchesEvaluated.Trigger.PROFILE_CHANGED,
                results, newlyEligible, noLongerEligible);
    }
}
