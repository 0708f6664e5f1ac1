package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.statistics.UptakeQueries.AppliedGroup;
import cn.qujiang.youth.talent.statistics.UptakeQueries.DecisionGroup;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applications made and decisions taken, counted as they happen, per measure and day, in one document per measure
 * and month ({@value #COLLECTION}, README "Statistics"): a year's table reads at most 40 × 13 of them, however many
 * applications there are.
 *
 * <p>Without transactions the application and its month's counts are two writes. The application's own conditional
 * write (the insert, the version-guarded move) carries what it adds as a {@link Pending} entry under a key of its
 * own ({@value #PENDING}); then {@link #take} adds it to the month's document in one conditional write that also
 * remembers the key (so taking it again adds nothing), then clears the entry. An entry a crash left behind is taken
 * by the recovery sweep ({@code UptakeCountsSweep}) or before the applicant's erasure.
 */
@Component
public class UptakeCounts {
    static final String COLLECTION = "uptake_counts";
    /** The field of an application holding what it still has to add to the counts. */
    public static final String PENDING = "countPending";
    static final String CREATED = "created";
    static final String DECIDED = "decided";
    /** Present once the counts started: before it, entries wait (see {@link #startIfAbsent}). */
    private static final String STARTED = "@started";
    private static final String KEYS = "keys";
    private static final String APPLIED = "applied";
    private static final String DECISIONS = "decisions";
    private static final String MONTH = "month";
    private static final String SEPARATOR = "|";

    private static final Logger log = LoggerFactory.getLogger(UptakeCounts.class);

    private final MongoTemplate mongo;
    private final UptakeQueries recount;
    private volatile boolean started;

    public UptakeCounts(MongoTemplate mongo) {
        this.mongo = mongo;
        this.recount = new UptakeQueries(mongo);
    }

    /**
     * What one application's write adds to the counts of one measure and day: one application made ({@code group}
     * null) or one decision of a group (the {@link DecisionGroup} fields but measure and day) with its amount.
     * {@code at}: when it happened, which also tells the recount to leave it to the counts while it is pending.
     */
    public record Pending(String key, String kind, String measureCode, LocalDate day, Instant at, String group,
            long amount) {

        /** The application {@code applicationId} was made (an application or an offer). */
        public static Pending created(String applicationId, String measureCode, Instant createdAt) {
            return new Pending(applicationId + ":" + CREATED, CREATED, measureCode, dayOf(createdAt), createdAt, null,
                    0);
        }

        /**
         * The move of {@code applicationId} to its {@code version} went {@code to} this status: counted when it is a
         * decision (approved, rejected, information requested), nothing otherwise. {@code submittedAt}: the
         * submission the decision answers; {@code amount}, {@code unit}, {@code benefitKind}: what the applicant
         * was eligible for when they applied.
         */
        public static Optional<Pending> decided(String applicationId, long version, String measureCode, String kind,
                String to, boolean byOfficer, Instant at, Instant submittedAt, Long amount, String unit,
                String benefitKind) {
            if (!UptakeQueries.DECIDED.contains(to)) {
                return Optional.empty();
            }
            LocalDate submitted = submittedAt == null || "INFO_REQUESTED".equals(to) ? null : dayOf(submittedAt);
            return Optional.of(new Pending(applicationId + ":" + version, DECIDED, measureCode, dayOf(at), at,
                    groupName(kind, to, byOfficer, submitted, unit, benefitKind), amount == null ? 0 : amount));
        }

        /** As it is stored in the application. */
        public Document toDocument() {
            Document entry = new Document("key", key).append("kind", kind).append("measure", measureCode)
                    .append("day", day.toString()).append("at", Date.from(at));
            if (group != null) {
                entry.append("group", group).append("amount", amount);
            }
            return entry;
        }

        static Pending of(Document entry) {
            Number amount = entry.get("amount", Number.class);
            return new Pending(entry.getString("key"), entry.getString("kind"), entry.getString("measure"),
                    LocalDate.parse(entry.getString("day")), entry.getDate("at").toInstant(), entry.getString("group"),
                    amount == null ? 0 : amount.longValue());
        }

        private String bucket() {
            return bucketOf(measureCode, day);
        }
    }

    /**
     * Adds the application's {@code pending} entry to its month's counts unless it was added before, then clears the
     * entry. Before the counts started it does nothing: the entry stays for the sweep.
     */
    public void take(String applicationId, Pending pending) {
        if (!started()) {
            return;
        }
        add(pending);
        clear(applicationId, pending);
    }

    /**
     * {@link #take} right after the application's own write: the write succeeded, so a failure to count (the
     * database gone for a moment, the process stopping) must not answer the request with an error; the entry stays
     * on the application and the sweep takes it.
     */
    public void takeAfterWrite(String applicationId, Pending pending) {
        try {
            take(applicationId, pending);
        } catch (RuntimeException e) {
            log.warn("uptake count {} left to the sweep: {}", pending.key(), e.toString());
        }
    }

    /** Erasure: whatever the applicant's applications still have to add is added before they are deleted. */
    public void takeAllOf(String applicantId) {
        takeWhere(Criteria.where("applicantId").is(applicantId).and(PENDING).exists(true), Integer.MAX_VALUE);
    }

    /** Entries a crash left behind (older than {@code before}), at most {@code limit} applications' worth. */
    int takeLeftBefore(Instant before, int limit) {
        return takeWhere(Criteria.where(PENDING + ".at").lt(before), limit);
    }

    private int takeWhere(Criteria where, int limit) {
        if (!started()) {
            return 0;
        }
        Query query = Query.query(where).limit(limit);
        query.fields().include(PENDING);
        int taken = 0;
        for (Document application : mongo.find(query, Document.class, UptakeQueries.APPLICATIONS)) {
            for (Document entry : application.getList(PENDING, Document.class, List.of())) {
                take(application.getString("_id"), Pending.of(entry));
                taken++;
            }
        }
        return taken;
    }

    /** One conditional single-document write: the counts and the key, unless the key is there already. */
    void add(Pending pending) {
        Update update = new Update().set("measure", pending.measureCode())
                .set(MONTH, YearMonth.from(pending.day()).toString()).push(KEYS, pending.key());
        if (pending.group() == null) {
            update.inc(APPLIED + "." + pending.day(), 1);
        } else {
            String group = DECISIONS + "." + pending.day() + SEPARATOR + pending.group();
            update.inc(group + ".n", 1).inc(group + ".amount", pending.amount());
        }
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(pending.bucket()).and(KEYS).ne(pending.key())), update,
                    COLLECTION);
        } catch (DuplicateKeyException e) {
            // the month's document exists and has the key: added before
        }
    }

    void clear(String applicationId, Pending pending) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(applicationId)),
                new Update().pull(PENDING, new Document("key", pending.key())), UptakeQueries.APPLICATIONS);
    }

    /** What the period's days counted: applications made per measure and the decisions' groups. */
    record Period(Map<String, Long> applied, List<DecisionGroup> decisions) {
    }

    /**
     * Straight from the driver, without the mapping layer: a year at 100,000 applications is ~440 documents with
     * ~80,000 groups, and the converter's copy of each was a good part of the read's time.
     */
    Period read(UptakePeriod period) {
        Bson months = Filters.and(Filters.gte(MONTH, YearMonth.from(period.from()).toString()),
                Filters.lte(MONTH, YearMonth.from(period.to()).toString()));
        Map<String, Long> applied = new HashMap<>();
        List<DecisionGroup> decisions = new ArrayList<>();
        Map<String, LocalDate> parsed = new HashMap<>();
        Function<String, LocalDate> date = text -> parsed.computeIfAbsent(text, LocalDate::parse);
        for (Document bucket : mongo.getCollection(COLLECTION).find(months).projection(Projections.exclude(KEYS))) {
            String measure = bucket.getString("measure");
            bucket.get(APPLIED, new Document()).forEach((day, made) -> {
                if (period.contains(date.apply(day))) {
                    applied.merge(measure, ((Number) made).longValue(), Long::sum);
                }
            });
            bucket.get(DECISIONS, new Document()).forEach((group, counts) -> {
                DecisionGroup decided = decisionGroup(measure, group, (Document) counts, date);
                if (period.contains(decided.decidedOn())) {
                    decisions.add(decided);
                }
            });
        }
        return new Period(applied, decisions);
    }

    /**
     * The name of a group of decisions: its {@link DecisionGroup} fields but measure, day and counts, joined (codes,
     * no dots: a field name). In a month's document the day comes first.
     */
    private static String groupName(String kind, String to, boolean byOfficer, LocalDate submittedOn, String unit,
            String benefitKind) {
        return String.join(SEPARATOR, kind, to, byOfficer ? "OFFICER" : "",
                submittedOn == null ? "" : submittedOn.toString(), unit == null ? "" : unit,
                benefitKind == null ? "" : benefitKind);
    }

    private static DecisionGroup decisionGroup(String measure, String group, Document counts,
            Function<String, LocalDate> date) {
        String[] parts = group.split("\\" + SEPARATOR, -1);
        return new DecisionGroup(measure, parts[1], parts[2], !parts[3].isEmpty(), date.apply(parts[0]),
                parts[4].isEmpty() ? null : date.apply(parts[4]), counts.get("n", Number.class).longValue(),
                counts.get("amount", Number.class).longValue(), blankAsNull(parts[5]), blankAsNull(parts[6]));
    }

    private static String blankAsNull(String part) {
        return part.isEmpty() ? null : part;
    }

    /**
     * Starts the counts once, from a recount of the applications stored before counting began ({@link UptakeQueries}:
     * the recount leaves out what is still pending, which is taken once this is done). Until then entries wait, so
     * nothing is added to a month's document that the recount then writes over. Run under the sweep's lock: two
     * instances starting at once do not write the months at the same time; a start a crash interrupted is done
     * again (the months are written whole, not added to).
     */
    void startIfAbsent() {
        if (started()) {
            return;
        }
        mongo.indexOps(COLLECTION).createIndex(new Index(MONTH, Sort.Direction.ASC));
        mongo.indexOps(UptakeQueries.APPLICATIONS).createIndex(new Index(PENDING + ".at", Sort.Direction.ASC).sparse());
        Map<String, Document> months = new HashMap<>();
        for (AppliedGroup group : recount.applied(null)) {
            month(months, group.measureCode(), group.day()).get(APPLIED, Document.class)
                    .append(group.day().toString(), group.count());
        }
        for (DecisionGroup group : recount.decisions(null)) {
            String name = groupName(group.kind(), group.to(), group.byOfficer(), group.submittedOn(), group.unit(),
                    group.benefitKind());
            month(months, group.measureCode(), group.decidedOn()).get(DECISIONS, Document.class)
                    .append(group.decidedOn() + SEPARATOR + name,
                            new Document("n", group.count()).append("amount", group.amount()));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        months.forEach((id, month) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), month,
                new ReplaceOptions().upsert(true))));
        if (!writes.isEmpty()) {
            mongo.getCollection(COLLECTION).bulkWrite(writes);
        }
        try {
            mongo.insert(new Document("_id", STARTED).append("at", new Date()), COLLECTION);
        } catch (DuplicateKeyException e) {
            // started meanwhile: not under the lock, e.g. a test
        }
        started = true;
    }

    private static Document month(Map<String, Document> months, String measure, LocalDate day) {
        return months.computeIfAbsent(bucketOf(measure, day), id -> new Document("_id", id).append("measure", measure)
                .append(MONTH, YearMonth.from(day).toString()).append(APPLIED, new Document())
                .append(DECISIONS, new Document()).append(KEYS, List.of()));
    }

    /** The document of a measure's month: {@code QJY-01@2026-03}. */
    private static String bucketOf(String measure, LocalDate day) {
        return measure + "@" + YearMonth.from(day);
    }

    boolean started() {
        if (!started) {
            started = mongo.exists(Query.query(Criteria.where("_id").is(STARTED)), COLLECTION);
        }
        return started;
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ServiceZone.ZONE);
    }
}
