package cn.qujiang.youth.talent.eventkey;

import cn.qujiang.youth.talent.crypto.Sealed;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One applicant's event key, one document per applicant (its id is the applicant id). The key itself is sealed
 * with the service's data key like the profile's personal fields, so a copy of the collection alone opens nothing.
 */
@Document(EventKeyDocument.COLLECTION)
record EventKeyDocument(@Id String applicantId, String keyId, Sealed key, Instant createdAt) {
    static final String COLLECTION = "event_keys";
}
