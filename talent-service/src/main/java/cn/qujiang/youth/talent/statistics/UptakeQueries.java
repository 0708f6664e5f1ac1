package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.ServiceZone;
import java.time.LocalDate;
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
 * The counting done inside the database: one aggregation per question, each answering with a few hundred groups at
 * most (measures × days), never with applications. It reads the collection the application feature writes
 * ({@code applications}) by its stored field names; UptakeQueriesTest writes through that feature's own code, so a
 * renamed field fails there. The eligible counts are kept by the match read model ({@code EligibleCounts}).
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

    /** Per measure, applications and offers made in the period (an offer is the 免申即享 form of applying). */
    Map<String, Long> applied(UptakePeriod period) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("createdAt").gte(period.start()).lt(period.end())),
                raw(new Document("$group", new Document("_id", "$measureCode").append("n", new Document("$sum", 1)))));
        return countsById(mongo.aggregate(count, APPLICATIONS, Document.class).getMappedResults());
    }

    /** Per measure, applications and offers waiting for an officer past their due date, today. */
    Map<String, Long> overdue(LocalDate today) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").in(AWAITING_OFFICER).and("dueDate").lt(today)),
                raw(new Document("$group", new Document("_id", "$measureCode").append("n", new Document("$sum", 1)))));
        return countsById(mongo.aggregate(count, APPLICATIONS, Document.class).getMappedResults());
    }

    /**
     * The decisions taken in the period, grouped by measure, kind, new status, who decided (officer or not), the
     * day of the decision and the day of the submission it answered (the application's latest submission: after a
     * final decision it no longer moves), with the amounts the applicants were eligible for when they applied.
     */
    List<DecisionGroup> decisions(UptakePeriod period) {
        Criteria inPeriod = Criteria.where("to").in(DECIDED).and("at").gte(period.start()).lt(period.end());
        Aggregation groups = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("transitions").elemMatch(inPeriod)),
                raw(new Document("$project", new Document("_id", 0).append("measureCode", 1).append("kind", 1)
                        .append("submittedAt", 1).append("transitions", 1)
                        .append("amount", "$eligibilityAtSubmission.amount")
                        .append("unit", "$eligibilityAtSubmission.unit")
                        .append("benefitKind", "$eligibilityAtSubmission.benefitKind"))),
                Aggregation.unwind("transitions"),
                Aggregation.match(Criteria.where("transitions.to").in(DECIDED)
                        .and("transitions.at").gte(period.start()).lt(period.end())),
                raw(new Document("$group", new Document("_id", new Document("measure", "$measureCode")
                        .append("kind", "$kind").append("to", "$transitions.to")
                        .append("actor", "$transitions.actor")
                        .append("day", day("$transitions.at")).append("submitted", day("$submittedAt")))
                        .append("n", new Document("$sum", 1))
                        .append("amount", new Document("$sum", "$amount"))
                        .append("unit", new Document("$first", "$unit"))
                        .append("benefitKind", new Document("$first", "$benefitKind")))));
        return mongo.aggregate(groups, APPLICATIONS, Document.class).getMappedResults().stream()
                .map(UptakeQueries::decisionGroup).toList();
    }

    /** {@code count} decisions of one kind on one day, answering submissions of one day. */
    record DecisionGroup(String measureCode, String kind, String to, boolean byOfficer, LocalDate decidedOn,
            LocalDate submittedOn, long count, long amount, String unit, String benefitKind) {
    }

    private static DecisionGroup decisionGroup(Document group) {
        Document key = group.get("_id", Document.class);
        String submitted = key.getString("submitted");
        Number amount = group.get("amount", Number.class);
        return new DecisionGroup(key.getString("measure"), key.getString("kind"), key.getString("to"),
                "OFFICER".equals(key.getString("actor")), LocalDate.parse(key.getString("day")),
                submitted == null ? null : LocalDate.parse(submitted), group.get("n", Number.class).longValue(),
                amount == null ? 0 : amount.longValue(), group.getString("unit"), group.getString("benefitKind"));
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
