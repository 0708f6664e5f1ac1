package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The HR officers an application can be assigned to: every officer who has used the review API (the console's queue
 * is the first thing an officer opens), by Keycloak subject and user name. Kept here rather than asked of Keycloak's
 * admin API, which would need an admin credential in this service for a list of a few names. Each instance writes
 * an officer at most once per {@link #REFRESH}, so reading the queue does not mean a write per request.
 */
@Component
class OfficerDirectory {
    static final Duration REFRESH = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, Instant> recordedAt = new ConcurrentHashMap<>();

    OfficerDirectory(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("officers")
    record Officer(@Id String subject, @Indexed(unique = true) String userName, Instant lastSeen) {
    }

    /** The officer has just used the review API. */
    void seen(Acting officer) {
        Instant now = ServiceZone.now(clock);
        Instant last = recordedAt.get(officer.subject());
        if (last != null && last.plus(REFRESH).isAfter(now)) {
            return;
        }
        // a user name freed by a renamed account moves to its new holder: the unique index must not refuse the upsert
        mongo.remove(Query.query(Criteria.where("userName").is(officer.userName())
                .and("_id").ne(officer.subject())), Officer.class);
        mongo.upsert(Query.query(Criteria.where("_id").is(officer.subject())),
                new Update().set("userName", officer.userName()).set("lastSeen", now), Officer.class);
        recordedAt.put(officer.subject(), now);
    }

    List<Officer> all() {
        return mongo.find(new Query().with(Sort.by("userName")), Officer.class);
    }

    Optional<Officer> byUserName(String userName) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("userName").is(userName)), Officer.class));
    }
}
