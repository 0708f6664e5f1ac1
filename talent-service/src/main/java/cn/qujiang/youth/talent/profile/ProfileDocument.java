package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One applicant's profile, keyed by the Keycloak subject. Personal data is sealed in {@code identity};
 * {@code idIndex} is the blind index of the ID number (unique, sparse so that tombstones without it do not collide).
 * An erased profile stays as a tombstone (only id, version, erasedAt and the outbox) until its ApplicantErased
 * event has left.
 */
@Document(ProfileDocument.COLLECTION)
record ProfileDocument(
        @Id String id,
        long version,
        @Indexed(name = "idIndex_unique", unique = true, sparse = true) String idIndex,
        Identity identity,
        String preferredLanguage,
        ApplicantFacts facts,
        ProfileDetails details,
        Consent consent,
        List<String> heldMeasures,
        Instant createdAt,
        Instant updatedAt,
        Instant erasedAt,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "profiles";

    ProfileDocument {
        heldMeasures = heldMeasures == null ? List.of() : List.copyOf(heldMeasures);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    boolean erased() {
        return erasedAt != null;
    }
}
