package cn.qujiang.youth.talent.catalogue;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.MeasurePublished.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A catalogue replica holding the given measures, for tests of other features that read it. */
public final class Replicas {

    private Replicas() {
    }

    public static CatalogueReplica holding(MongoTemplate mongo, MeasurePublished... measures) {
        CatalogueReplica replica = new CatalogueReplica(mongo);
        for (MeasurePublished measure : measures) {
            replica.apply(measure);
        }
        return replica;
    }

    /** An open APPLY measure without quota, titled in both languages. */
    public static MeasurePublished measure(String code, LocalizedText title, List<String> excludes) {
        return new MeasurePublished(code, 1, Status.ACTIVE, title, "HOUSING", Mode.APPLY, LocalDate.of(2024, 1, 1),
                null, null, excludes, "ONE_OFF_CASH", "CNY", 5, Instant.parse("2026-01-10T01:00:00Z"), List.of(), null);
    }
}
