package cn.qujiang.youth.notification.catalogue;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MeasurePublished;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Measure titles from the compacted catalogue topic, so that messages name measures in the reader's language while
 * match events carry codes only. The highest version wins in any arrival order; a retired measure keeps its title
 * for the messages that name it.
 */
@Component
public class MeasureTitleReplica implements MeasureTitles {
    private final MongoTemplate mongo;

    MeasureTitleReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the title unless the same or a newer version is there; a redelivery changes nothing. */
    public void apply(MeasurePublished measure) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(measure.code()).and("version").lt(measure.version()));
        try {
            mongo.upsert(olderOrAbsent, new Update().set("version", measure.version()).set("title", measure.title()),
                    MeasureTitle.class);
        } catch (DuplicateKeyException e) {
            // the same or a newer version is stored: nothing to do
        }
    }

    @Override
    public Map<String, LocalizedText> of(Collection<String> codes) {
        return mongo.find(Query.query(Criteria.where("_id").in(codes)), MeasureTitle.class).stream()
                .collect(Collectors.toMap(MeasureTitle::code, MeasureTitle::title));
    }
}
