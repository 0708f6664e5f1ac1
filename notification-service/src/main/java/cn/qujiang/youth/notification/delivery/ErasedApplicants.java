package cn.qujiang.youth.notification.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Remembers who was erased, and when, so that an event about them that arrives late (another topic, a retry) does
 * not bring back what the erasure purged. Holds only the pseudonymous applicant id.
 */
@Component
public class ErasedApplicants {
    private final MongoTemplate mongo;

    ErasedApplicants(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(String applicantId, Instant erasedAt) {
        mongo.save(new ErasedApplicant(applicantId, erasedAt));
    }

    /** Whether the applicant was erased after {@code occurredAt} (or at an unknown time). */
    boolean erasedAfter(String applicantId, Instant occurredAt) {
        ErasedApplicant erased = mongo.findById(applicantId, ErasedApplicant.class);
        return erased != null && (occurredAt == null || erased.erasedAt() == null
                || !occurredAt.isAfter(erased.erasedAt()));
    }

    @Document("erased_applicants")
    record ErasedApplicant(@Id String applicantId, Instant erasedAt) {
    }
}
