package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.SealedPart;
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
 *
 * <p>The results are kept as the event carries them ({@link StoredResults}): {@code resultsUtf8} = every result
 * without the criterion values, as one JSON text in UTF-8 (BSON binary), and {@code sealedValues} = the values,
 * sealed with the applicant's event key. The read model is only ever read and written whole, so one field spares
 * mapping 40 results with their criteria to and from sub-documents on every evaluation; binary rather than a BSON
 * string because the driver encodes a string character by character, which for these ~15 KB was a sixth of this
 * service's CPU under load, while bytes are copied as they are. The values are never opened to be stored, and die
 * with the event key on erasure like every other copy of them. {@code eligible} (the codes whose outcome is
 * ELIGIBLE) is what queries and the counts need of the results.
 *
 * <p>Earlier forms, read as they are and rewritten in this one by the next evaluation: {@code resultsJson} = the
 * same JSON as a BSON string; {@code results} = results as sub-documents with the values in clear.
 */
@Document(MatchDocument.COLLECTION)
record MatchDocument(
        @Id String applicantId,
        long profileVersion,
        LocalDate asOf,
        Instant evaluatedAt,
        byte[] resultsUtf8,
        String resultsJson,
        SealedPart sealedValues,
        List<String> eligible,
        long revision,
        Instant storedAt,
        CountChange countPending,
        List<MatchResult> results) {

    static final String COLLECTION = "matches";
    static final String COUNT_PENDING = "countPending";
    static final String ELIGIBLE = "eligible";
    static final String RESULTS_UTF8 = "resultsUtf8";
    static final String RESULTS_JSON = "resultsJson";
    static final String LEGACY_RESULTS = "results";

    MatchDocument {
        eligible = eligible == null ? List.of() : List.copyOf(eligible);
    }

    /** Whether the results are still in the first form, sub-documents. */
    boolean legacy() {
        return results != null;
    }
}
