package cn.qujiang.youth.policy.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The keys of those of {@code applicantIds} who still have one, by applicant id (the erased are absent). This
     * default asks one at a time; a source that can look many up at once overrides it.
     *
     * @throws IllegalStateException when talent-service cannot answer now (the caller retries later)
     */
    default Map<String, EventKey> findAll(Collection<String> applicantIds) {
        Map<String, EventKey> found = new HashMap<>();
        for (String applicantId : applicantIds) {
            find(applicantId).ifPresent(key -> found.put(applicantId, key));
        }
        return found;
    }

    /** Drops what is remembered of the applicant's key (ApplicantErased). */
    void forget(String applicantId);
}
