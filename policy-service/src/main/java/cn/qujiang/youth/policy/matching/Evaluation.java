package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A profile evaluated against one catalogue revision on one day: the full results (for the event) and their stored
 * lines ({@link StoredResult#encode()}).
 */
record Evaluation(
        long profileVersion,
        ApplicantFacts facts,
        List<String> heldMeasures,
        LocalDate asOf,
        long catalogueRevision,
        Instant evaluatedAt,
        List<MatchResult> fullResults,
        List<String> lines) {

    static Evaluation of(long profileVersion, ApplicantFacts facts, List<String> heldMeasures, LocalDate asOf,
            long catalogueRevision, Instant evaluatedAt, List<MatchResult> fullResults) {
        return new Evaluation(profileVersion, facts, List.copyOf(heldMeasures), asOf, catalogueRevision, evaluatedAt,
                fullResults, fullResults.stream().map(result -> StoredResult.of(result).encode()).toList());
    }

    List<String> eligible() {
        return StoredResult.eligibleCodes(lines);
    }

    MatchesEvaluated event(String applicantId, MatchesEvaluated.Trigger trigger, MatchDiff diff) {
        return new MatchesEvaluated(applicantId, profileVersion, asOf, evaluatedAt, trigger, fullResults,
                diff.newlyEligible(), diff.noLongerEligible());
    }
}
