package cn.qujiang.youth.talent.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit trail of officers who asked for an applicant's full identity: who (Keycloak subject and user name),
 * when, for which application. A record never holds the identity itself, and it outlives the applicant's erasure
 * (it then points at an application that no longer exists): the trail is the district's, not the applicant's data.
 */
@Component
class IdentityDisclosures {
    private final MongoTemplate mongo;

    IdentityDisclosures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(Disclosure.COLLECTION)
    record Disclosure(@Id String id, @Indexed String applicationId, String by, String byName, Instant at) {
        static final String COLLECTION = "identity_disclosures";
    }

    /** Written before the identity leaves the service: no record, no identity. */
    Disclosure record(String applicationId, String by, String byName, Instant at) {
        return mongo.insert(new Disclosure(UUID.randomUUID().toString(), applicationId, by, byName, at));
    }

    /** The disclosures of one application, oldest first. */
    List<Disclosure> of(String applicationId) {
        return mongo.find(Query.query(Criteria.where("applicationId").is(applicationId))
                .with(Sort.by("at", "_id")), Disclosure.class);
    }
}
