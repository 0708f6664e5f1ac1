package cn.qujiang.youth.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.notification.GoldenEvents;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads the producer's golden sample, as a consumer must. */
class MessageTest {

    @Test
    void theGoldenMatchEventBecomesOneMessageWithTheNewMeasureAndItsBenefit() {
        Message message = Message.newlyEligible(golden()).orElseThrow();

        assertThat(message.kind()).isEqualTo(MessageKind.NEWLY_ELIGIBLE);
        assertThat(message.category()).isEqualTo(Category.MATCH);
        assertThat(message.measures()).containsExactly(
                new EligibleMeasure("QJY-01", 7L, "NIGHT"));
    }

    @Test
    void nothingNewMeansNoMessage() {
        MatchesEvaluated golden = golden();
        MatchesEvaluated nothingNew = new MatchesEvaluated(golden.applicantId(), golden.profileVersion(),
                golden.asOf(), golden.evaluatedAt(), golden.trigger(), golden.results(), List.of(), List.of("QJY-07"));

        assertThat(Message.newlyEligible(nothingNew)).isEmpty();
    }

    @Test
    void severalNewMeasuresMakeOneMessageInTheEventsOrder() {
        MatchesEvaluated golden = golden();
        MatchResult second = new MatchResult("QJY-05", 1, Outcome.ELIGIBLE, 50L, "PERCENT", "DISCOUNT", false,
                List.of(), List.of(), List.of(), null);
        List<MatchResult> results = new java.util.ArrayList<>(golden.results());
        results.add(second);
        MatchesEvaluated event = new MatchesEvaluated(golden.applicantId(), 4, golden.asOf(), golden.evaluatedAt(),
                golden.trigger(), results, List.of("QJY-05", "QJY-01", "QJY-05", "QJY-77"), List.of());

        Message message = Message.newlyEligible(event).orElseThrow();

        assertThat(message.measures()).extracting(EligibleMeasure::code).containsExactly("QJY-05", "QJY-01", "QJY-77");
        assertThat(message.measures().get(2)).isEqualTo(new EligibleMeasure("QJY-77", null, null));
    }

    @Test
    void theGoldenBenefitEndedBecomesOneApplicationMessageWithTheReasonCodeOnly() {
        BenefitEnded golden = GoldenEvents.read(EventType.BENEFIT_ENDED, BenefitEnded.class);

        Message message = Message.benefitEnded(golden);

        assertThat(message.kind()).isEqualTo(MessageKind.BENEFIT_ENDED);
        assertThat(message.category()).isEqualTo(Category.APPLICATION);
        assertThat(message.measures()).isEmpty();
        assertThat(message.application().measureCode()).isEqualTo("QJY-17");
        assertThat(message.application().ended()).isEqualTo(BenefitEnded.Cause.ENDED_BY_OFFICER);
        assertThat(message.application().reasonCode()).isEqualTo("FALSE_MATERIALS");
        assertThat(message.application().endedOn()).isEqualTo(java.time.LocalDate.of(2026, 9, 15));
    }

    private static MatchesEvaluated golden() {
        return GoldenEvents.read(EventType.MATCHES_EVALUATED, MatchesEvaluated.class);
    }
}
