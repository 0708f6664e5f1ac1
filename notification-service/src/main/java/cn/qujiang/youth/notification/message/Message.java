package cn.qujiang.youth.notification.message;

import cn.qujiang.youth.contracts.ApplicationDecided;
import cn.qujiang.youth.contracts.ApplicationSubmitted;
import cn.qujiang.youth.contracts.BenefitEnded;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a notification says, independent of channel and language: the facts of the event that the templates render.
 * It holds no personal data (measure codes, amounts, application ids and titles), so deliveries and the inbox may
 * store it; names and addresses are looked up only when a message is sent, measure titles when it is rendered.
 *
 * @param measures    the newly eligible measures (NEWLY_ELIGIBLE only)
 * @param application the application concerned (APPLICATION_* only)
 */
public record Message(MessageKind kind, List<EligibleMeasure> measures, ApplicationFacts application) {

    public Message {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    public Category category() {
        return kind.category();
    }

    /** One message for measures the applicant newly qualifies for, gathered over a short while (news). */
    public static Message newlyEligible(List<EligibleMeasure> measures) {
        return new Message(MessageKind.NEWLY_ELIGIBLE, measures, null);
    }

    /** One message for all newly eligible measures, in the event's order; empty when nothing is new. */
    public static Optional<Message> newlyEligible(MatchesEvaluated event) {
        if (event.newlyEligible().isEmpty()) {
            return Optional.empty();
        }
        Map<String, MatchResult> results = event.results().stream()
                .collect(Collectors.toMap(MatchResult::measureCode, Function.identity(), (first, second) -> first));
        List<EligibleMeasure> measures = event.newlyEligible().stream().distinct()
                .map(code -> EligibleMeasure.of(code, results.get(code)))
                .toList();
        return Optional.of(new Message(MessageKind.NEWLY_ELIGIBLE, measures, null));
    }

    public static Message submitted(ApplicationSubmitted event) {
        return new Message(MessageKind.APPLICATION_SUBMITTED, List.of(), new ApplicationFacts(event.applicationId(),
                event.measureCode(), event.measureTitle(), event.dueDate(), null, null, null, null));
    }

    public static Message decided(ApplicationDecided event) {
        return new Message(MessageKind.APPLICATION_DECIDED, List.of(), new ApplicationFacts(event.applicationId(),
                event.measureCode(), event.measureTitle(), null, event.decision(), event.reasonCode(), null, null));
    }

    /** A benefit the applicant held has ended: its term ran out, or an officer ended it with a reason. */
    public static Message benefitEnded(BenefitEnded event) {
        return new Message(MessageKind.BENEFIT_ENDED, List.of(), new ApplicationFacts(event.applicationId(),
                event.measureCode(), event.measureTitle(), null, null, event.reasonCode(), event.cause(),
                event.endedOn()));
    }

    /** A measure the applicant now qualifies for, with the benefit the match computed (amount and unit may be null). */
    public record EligibleMeasure(String code, Long amount, String unit) {

        static EligibleMeasure of(String code, MatchResult result) {
            // The event may list a code without its result: still tell the applicant, without an amount.
            return result == null ? new EligibleMeasure(code, null, null)
                    : new EligibleMeasure(code, result.amount(), result.unit());
        }
    }

    /**
     * @param dueDate    when officers will have answered (submitted)
     * @param decision   the officer's decision (decided)
     * @param reasonCode the decision's or the ending's stable reason code (decided, ended)
     * @param ended      whether the benefit's term ran out or an officer ended it (ended)
     * @param endedOn    the first day the benefit is no longer held (ended)
     */
    public record ApplicationFacts(String applicationId, String measureCode, LocalizedText measureTitle,
            LocalDate dueDate, ApplicationDecided.Decision decision, String reasonCode, BenefitEnded.Cause ended,
            LocalDate endedOn) {
    }
}
