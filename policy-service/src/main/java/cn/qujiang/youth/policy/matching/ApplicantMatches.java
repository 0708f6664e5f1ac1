package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything policy-service keeps about one applicant, in one document so that the facts, the results and the
 * MatchesEvaluated event that announces them are written together. {@code lock} guards every write (the listener
 * and the re-match may race for the same applicant); {@code catalogueRevision} and {@code asOf} say what the results
 * were evaluated against, which is how an interrupted re-match finds who is still behind. An erased applicant
 * leaves a tombstone without facts or results, so that a late or redelivered profile event cannot bring them back.
 *
 * <p>The conditional writes ({@code {_id, lock}}) are answered from the {@code _id} index, in MongoDB as in infra-kit's
 * dev stores; an index on {@code (_id, lock)} would only be one more index to change on every write.
 */
@Document(ApplicantMatches.COLLECTION)
record ApplicantMatches(
        @Id String applicantId,
        long lock,
        long profileVersion,
        ApplicantFacts facts,
        List<String> heldMeasures,
        LocalDate asOf,
        long catalogueRevision,
        Instant evaluatedAt,
        /** One line per active measure, as written by {@link StoredResult#encode()}. */
        List<String> results,
        @Indexed List<String> eligible,
        boolean erased,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "applicant_matches";
    static final String LOCK = "lock";
    static final String PROFILE_VERSION = "profileVersion";
    static final String FACTS = "facts";
    static final String HELD = "heldMeasures";
    static final String AS_OF = "asOf";
    static final String CATALOGUE_REVISION = "catalogueRevision";
    static final String EVALUATED_AT = "evaluatedAt";
    static final String RESULTS = "results";
    static final String ELIGIBLE = "eligible";
    static final String ERASED = "erased";

    ApplicantMatches {
        heldMeasures = heldMeasures == null ? List.of() : heldMeasures;
        results = results == null ? List.of() : results;
        eligible = eligible == null ? List.of() : eligible;
        outbox = outbox == null ? List.of() : outbox;
    }
}
