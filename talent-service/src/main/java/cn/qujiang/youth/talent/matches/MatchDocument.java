package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest match results of one applicant. {@code revision} guards the read-merge-write of concurrent
 * deliveries; {@code profileVersion} and {@code evaluatedAt} decide which evaluation is the newer; {@code storedAt}
 * is when this service took it, from when on the resident is shown it. {@code countPending} is the difference this
 * write makes to the eligible counts until it has been added to them ({@link EligibleCounts}); null after.
 */
@Document(MatchDocument.COLLECTION)
record MatchDocument(
        @Id String applicantId,
        long profileVersion,
        LocalDate asOf,
        Instant evaluatedAt,
        List<MatchResult> results,
        long revision,
        Instant storedAt,
        CountChange countPending) {

    static final String COLLECTION = "matches";
    static final String COUNT_PENDING = "countPending";

    MatchDocument {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
