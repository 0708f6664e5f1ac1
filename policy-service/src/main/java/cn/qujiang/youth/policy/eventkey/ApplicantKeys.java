package cn.qujiang.youth.policy.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import java.util.Optional;

/**
 * The applicants' event keys, which open the facts of their profile events and seal the values of the match events
 * published for them. talent-service owns them; an erased applicant has none.
 */
public interface ApplicantKeys {

    /**
     * The applicant's key; empty once the applicant is erased, and their events are then skipped.
     *
     * @throws IllegalStateException when talent-service cannot answer now (the caller retries later)
     */
    Optional<EventKey> find(String applicantId);

    /** Drops what is remembered of the applicant's key (ApplicantErased). */
    void forget(String applicantId);
}
