package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An applicant's latest match results as the read model holds them. */
public record Matches(String applicantId, long profileVersion, LocalDate asOf, Instant evaluatedAt,
        List<MatchResult> results) {

    public Optional<MatchResult> result(String measureCode) {
        return results.stream().filter(result -> result.measureCode().equals(measureCode)).findFirst();
    }

    static Matches of(MatchDocument document, List<MatchResult> results) {
        return new Matches(document.applicantId(), document.profileVersion(), document.asOf(),
                document.evaluatedAt(), results);
    }
}
