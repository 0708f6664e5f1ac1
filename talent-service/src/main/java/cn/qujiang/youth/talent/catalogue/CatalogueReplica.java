package cn.qujiang.youth.talent.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * talent-service's copy of the measure catalogue, fed by the compacted catalogue topic: the highest version of
 * each measure wins, whatever order versions arrive in. A RETIRED measure stays, closed, so old applications still
 * show its title.
 */
@Component
public class CatalogueReplica {
    private static final Logger log = LoggerFactory.getLogger(CatalogueReplica.class);
    private static final Bson ID_ONLY = Projections.include("_id");

    private final MongoTemplate mongo;

    CatalogueReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores {@code measure} unless a newer version is there. True when the replica now holds exactly this version,
     * also for a redelivery: reactions to a measure are idempotent, and a redelivery after a failed reaction must
     * run it again.
     */
    public boolean apply(MeasurePublished measure) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(measure.code()).and("version").lt(measure.version()));
        Update update = new Update().set("version", measure.version()).set("measure", measure);
        try {
            mongo.upsert(olderOrAbsent, update, CatalogueEntry.class);
            return true;
        } catch (DuplicateKeyException e) {
            // no older version matched and the insert collided: an equal or newer version is stored already
            boolean same = find(measure.code()).map(stored -> stored.version() == measure.version()).orElse(false);
            if (!same) {
                log.debug("ignoring measure {} v{}: the replica holds a newer one", measure.code(), measure.version());
            }
            return same;
        }
    }

    public Optional<MeasurePublished> find(String code) {
        return Optional.ofNullable(mongo.findById(code, CatalogueEntry.class)).map(CatalogueEntry::measure);
    }

    /**
     * Those of {@code codes} the replica's versions grant without applying (AUTO_GRANT), in the order given. One
     * query reading only the mode, not the measures with their words: asked with every measure a resident newly
     * qualifies for, where a read per measure, or mapping the measures, cost more than the answer.
     */
    public List<String> autoGranted(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Bson autoGrant = Filters.and(Filters.in("_id", codes),
                Filters.eq("measure.mode", MeasurePublished.Mode.AUTO_GRANT.name()));
        Set<Object> found = new HashSet<>();
        mongo.getCollection(CatalogueEntry.COLLECTION).find(autoGrant).projection(ID_ONLY)
                .forEach(document -> found.add(document.get("_id")));
        return codes.stream().filter(found::contains).toList();
    }

    public Map<String, MeasurePublished> findAll(Collection<String> codes) {
        return mongo.find(Query.query(Criteria.where("_id").in(codes)), CatalogueEntry.class).stream()
                .map(CatalogueEntry::measure)
                .collect(Collectors.toMap(MeasurePublished::code, Function.identity()));
    }

    /** Every measure the replica knows, retired ones too (a statistic still counts their applications). */
    public Map<String, MeasurePublished> all() {
        return mongo.findAll(CatalogueEntry.class).stream().map(CatalogueEntry::measure)
                .collect(Collectors.toMap(MeasurePublished::code, Function.identity()));
    }

    /** Whether the applicant may apply for (or be offered) the measure on {@code today}. */
    public boolean openOn(String code, LocalDate today) {
        return find(code).map(measure -> measure.openOn(today)).orElse(false);
    }

    /**
     * Whether holding {@code held} rules out {@code code}, in either direction: a measure may name the other in its
     * excludes, and the policy officers only have to write it on one side.
     */
    public List<String> excludedBy(String code, Collection<String> held) {
        if (held.isEmpty()) {
            return List.of();
        }
        Map<String, MeasurePublished> measures = findAll(concat(code, held));
        MeasurePublished candidate = measures.get(code);
        return held.stream().filter(other -> !other.equals(code))
                .filter(other -> (candidate != null && candidate.excludes().contains(other))
                        || (measures.containsKey(other) && measures.get(other).excludes().contains(code)))
                .sorted().toList();
    }

    private static List<String> concat(String code, Collection<String> others) {
        return Stream.concat(Stream.of(code), others.stream()).distinct().toList();
    }
}
