package cn.qujiang.youth.talent.eventkey;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.crypto.FieldCipher;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The applicants' event keys ({@link EventKey}): created when an applicant's first personal event is sealed, read
 * by the services that open them, deleted on erasure — which makes every copy of the applicant's personal event
 * parts unreadable (crypto-shredding). Opened keys are cached (bounded) for talent-service's own events; deletion
 * evicts, and {@link #findStored} always asks the database so that another service never gets an erased key.
 */
@Service
@EnableConfigurationProperties(EventKeyProperties.class)
public class EventKeys {
    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Cache<String, EventKey> opened;

    EventKeys(MongoTemplate mongo, FieldCipher cipher, Clock clock, EventKeyProperties properties) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
        this.opened = Caffeine.newBuilder().maximumSize(properties.cacheSize()).executor(Runnable::run).build();
    }

    /** The applicant's key, created on first use (one insert; a concurrent creation wins and is read back). */
    public EventKey forApplicant(String applicantId) {
        return opened.get(applicantId, id -> findStored(id).orElseGet(() -> create(id)));
    }

    /** The applicant's key while it exists, from the cache. Empty: never created, or erased. */
    public Optional<EventKey> find(String applicantId) {
        EventKey cached = opened.getIfPresent(applicantId);
        return cached != null ? Optional.of(cached) : findStored(applicantId);
    }

    /** The applicant's key as stored now, bypassing the cache. */
    public Optional<EventKey> findStored(String applicantId) {
        return Optional.ofNullable(mongo.findById(applicantId, EventKeyDocument.class)).map(this::open);
    }

    private EventKey open(EventKeyDocument document) {
        return new EventKey(document.keyId(), cipher.open(document.key(), context(document.applicantId())));
    }

    /**
     * The keys of those {@code applicantIds} who have one as stored now (one query), by applicant id; the erased
     * and the unknown are absent.
     */
    public Map<String, EventKey> findStored(Collection<String> applicantIds) {
        Map<String, EventKey> found = new HashMap<>();
        for (EventKeyDocument document : mongo.find(Query.query(Criteria.where("_id").in(applicantIds)),
                EventKeyDocument.class)) {
            found.put(document.applicantId(), open(document));
        }
        return found;
    }

    /** Deletes the applicant's key for good: what was sealed with it cannot be opened any more. Idempotent. */
    public void delete(String applicantId) {
        mongo.remove(Query.query(Criteria.where("_id").is(applicantId)), EventKeyDocument.class);
        opened.invalidate(applicantId);
    }

    private EventKey create(String applicantId) {
        EventKey key = EventKey.generate();
        try {
            mongo.insert(new EventKeyDocument(applicantId, key.keyId(), cipher.seal(key.key(), context(applicantId)),
                    ServiceZone.now(clock)));
            return key;
        } catch (DuplicateKeyException e) {
            return findStored(applicantId).orElseThrow(() -> e);
        }
    }

    private static String context(String applicantId) {
        return "event-key:" + applicantId;
    }
}
