package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.ServiceZone;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The counting done inside the database: one aggregation per question, each answering with groups (measures × days),
 * never with applications. It reads the collection the application feature writes ({@code applications}) by its
 * stored field names; UptakeQueriesTest writes through that feature's own code, so a renamed field fails there.
 * Only {@link #overdue} is asked on each request; {@link #applied} and {@link #decisions} are the recount that
 * starts {@link UptakeCounts} on a database that has applications but no counts, and the oracle its tests compare
 * the counts with. The eligible counts are kept by the match read model ({@code EligibleCounts}).
 */
@Component
class UptakeQueries {
    static final String APPLICATIONS = "applications";
    /** The statuses a decision moves to: what the weekly series and the approvals count. */
    static final List<String> DECIDED = List.of("APPROVED", "REJECTED", "INFO_REQUESTED");
    private static final List<String> AWAITING_OFFICER = List.of("SUBMITTED", "OFFERED");
    private static final String DAY = "%Y-%m-%d";

    private final MongoTemplate mongo;

    UptakeQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Per measure and day in Qujiang, applications and offers made in the period, everything for {@code null} (an
     * offer is the 免申即享 form of applying). A creation still waiting to be taken by {@link UptakeCounts} is left
     * out: the counts take it themselves.
     */
    List<AppliedGroup> applied(UptakePeriod period) {
        Criteria created = Criteria.where(UptakeCounts.PENDING + ".kind").ne(UptakeCounts.CREATED);
        if (period != null) {
            created = created.and("createdAt").gte(period.start()).lt(period.end());
        }
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(created),
                raw(new Document("$group", new Document("_id", new Document("measure", "$measureCode")
                        .append("day", day("$createdAt"))).append("n", new Document("$sum", 1)))));
        return mongo.aggregate(count, APPLICATIONS, Document.class).getMappedResults().stream().map(group -> {
            Document key = group.get("_id", Document.class);
            return new AppliedGroup(key.getString("measure"), LocalDate.parse(key.getString("day")),
                    group.get("n", Number.class).longValue());
        }).toList();
    }

    /** {@code count} applications and offers of one measure made on one day. */
    record AppliedGroup(String measureCode, LocalDate day, long count) {
    }

    /** Per measure, applications and offers waiting for an officer past their due date, today. */
    Map<String, Long> overdue(LocalDate today) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").in(AWAITING_OFFICER).and("dueDate").lt(today)),
                raw(new Document("$group", new Document("_id", "$measureCode").append("n", new Document("$sum", 1)))));
        return countsById(mongo.aggregate(count, APPLICATIONS, Document.class).getMappedResults());
    }

    /**
     * The decisions taken in the period (everything for {@code null}), grouped by measure, kind, new status, who
     * decided (officer or not), the day of the decision, the day of the submission it answered (the application's
     * latest submission: after an approval or rejection it no longer moves; none for a request for information,
     * which the applicant answers by submitting again), unit and benefit kind, with the amounts the applicants were
     * eligible for when they applied. A decision still waiting to be taken by {@link UptakeCounts} (its pending
     * entry carries the decision's time) is left out: the counts take it themselves.
     */
    List<DecisionGroup> decisions(UptakePeriod period) {
        Criteria decided = Criteria.where("to").in(DECIDED);
        Criteria unwound = Criteria.where("transitions.to").in(DECIDED).and("counted").is(true);
        if (period != null) {
            decided = decided.and("at").gte(period.start()).lt(period.end());
            unwound = unwound.and("transitions.at").gte(period.start()).lt(period.end());
        }
        Aggregation groups = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("transitions").elemMatch(decided)),
                raw(new Document("$project", new Document("_id", 0).append("measureCode", 1).append("kind", 1)
                        .append("submittedAt", 1).append("transitions", 1)
                        .append("pendingAt", new Document("$ifNull", List.of("$" + UptakeCounts.PENDING + ".at", List.of())))
                        .append("amount", "$eligibilityAtSubmission.amount")
                        .append("unit", "$eligibilityAtSubmission.unit")
                        .append("benefitKind", "$eligibilityAtSubmission.benefitKind"))),
                Aggregation.unwind("transitions"),
                raw(new Document("$addFields", new Document("counted",
                        new Document("$not", List.of(new Document("$in", List.of("$transitions.at", "$pendingAt"))))))),
                Aggregation.match(unwound),
                raw(new Document("$group", new Document("_id", new Document("measure", "$measureCode")
                        .append("kind", "$kind").append("to", "$transitions.to")
                        .append("officer", new Document("$eq", List.of("$transitions.actor", "OFFICER")))
                        .append("day", day("$transitions.at"))
                        .append("submitted", new Document("$cond", Arrays.asList(
                                new Document("$eq", List.of("$transitions.to", "INFO_REQUESTED")), null,
                                day("$submittedAt"))))
                        .append("unit", "$unit").append("benefitKind", "$benefitKind"))
                        .append("n", new Document("$sum", 1))
                        .append("amount", new Document("$sum", "$amount")))));
        return mongo.aggregate(groups, APPLICATIONS, Document.class).getMappedResults().stream()
                .map(UptakeQueries::decisionGroup).toList();
    }

    /** {@code count} decisions of one kind on one day, answering submissions of one day (none: not timed). */
    record DecisionGroup(String measureCode, String kind, String to, boolean byOfficer, LocalDate decidedOn,
            LocalDate submittedOn, long count, long amount, String unit, String benefitKind) {
    }

    private static DecisionGroup decisionGroup(Document group) {
        Document key = group.get("_id", Document.class);
        String submitted = key.getString("submitted");
        Number amount = group.get("amount", Number.class);
        return new DecisionGroup(key.getString("measure"), key.getString("kind"), key.getString("to"),
                Boolean.TRUE.equals(key.getBoolean("officer")), LocalDate.parse(key.getString("day")),
                submitted == null ? null : LocalDate.parse(submitted), group.get("n", Number.class).longValue(),
                amount == null ? 0 : amount.longValue(), key.getString("unit"), key.getString("benefitKind"));
    }

    /** The calendar day of an instant in Qujiang, as yyyy-mm-dd; null for a missing date. */
    private static Document day(String instant) {
        return new Document("$dateToString", new Document("format", DAY).append("date", instant)
                .append("timezone", ServiceZone.ZONE.getId()).append("onNull", null));
    }

    private static Map<String, Long> countsById(List<Document> groups) {
        Map<String, Long> counts = new HashMap<>();
        for (Document group : groups) {
            if (group.get("_id") != null) {
                counts.put(group.getString("_id"), group.get("n", Number.class).longValue());
            }
        }
        return counts;
    }

    /** A stage written as the database reads it (Spring's builders have no $dateToString timezone nor nested $project). */
    private static AggregationOperation raw(Document stage) {
        return context -> stage;
    }
}
