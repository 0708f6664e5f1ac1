package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import cn.qujiang.youth.talent.statistics.UptakeCounts.Pending;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of applications. Every status change is one update guarded by the version that was read, carrying
 * the transition, the status, the open key and the outbox entries together.
 */
@Component
class ApplicationStore {
    private final MongoTemplate mongo;
    private final UptakeCounts uptake;

    ApplicationStore(MongoTemplate mongo, UptakeCounts uptake) {
        this.mongo = mongo;
        this.uptake = uptake;
    }

    /** Stores a new application or offer with its entry for the uptake counts, then lets the counts take it. */
    void insert(ApplicationDocument application) {
        Pending made = Pending.created(application.id(), application.measureCode(), application.createdAt());
        Document stored = new Document();
        mongo.getConverter().write(application, stored);
        stored.put(UptakeCounts.PENDING, List.of(made.toDocument()));
        mongo.insert(stored, ApplicationDocument.COLLECTION);
        uptake.takeAfterWrite(application.id(), made);
    }

    Optional<ApplicationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ApplicationDocument.class));
    }

    /** The application only when it belongs to {@code applicantId}: anyone else's is "not found". */
    Optional<ApplicationDocument> findOwn(String id, String applicantId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("applicantId").is(applicantId)), ApplicationDocument.class));
    }

    /** The applicant's APPROVED applications of these measures (benefits held that a re-match may end). */
    /**
     * What losing eligibility for these measures concerns: the applicant's open offers (OFFERED, CONFIRMED) and held
     * benefits (APPROVED) among them. One query, asked with nearly every evaluation that drops a measure, and
     * nearly always empty.
     */
    List<ApplicationDocument> concernedByLapse(String applicantId, Collection<String> measureCodes) {
        return mongo.find(Query.query(Criteria.where("applicantId").is(applicantId).and("measureCode").in(measureCodes)
                .and("status").in(ApplicationStatus.OFFERED, ApplicationStatus.CONFIRMED, ApplicationStatus.APPROVED)),
                ApplicationDocument.class);
    }

    List<ApplicationDocument> listOwn(String applicantId) {
        return mongo.find(Query.query(Criteria.where("applicantId").is(applicantId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), ApplicationDocument.class);
    }

    /** Codes of the measures the applicant holds: approved applications and accepted offers. */
    List<String> approvedCodes(String applicantId) {
        return mongo.find(Query.query(Criteria.where("applicantId").is(applicantId)
                        .and("status").is(ApplicationStatus.APPROVED)), ApplicationDocument.class)
                .stream().map(ApplicationDocument::measureCode).distinct().sorted().toList();
    }

    boolean exists(String applicantId, String measureCode, Collection<ApplicationStatus> statuses) {
        return mongo.exists(Query.query(Criteria.where("applicantId").is(applicantId).and("measureCode").is(measureCode)
                .and("status").in(statuses)), ApplicationDocument.class);
    }

    boolean existsAny(String applicantId, String measureCode, ApplicationKind kind) {
        return mongo.exists(Query.query(Criteria.where("applicantId").is(applicantId).and("measureCode").is(measureCode)
                .and("kind").is(kind)), ApplicationDocument.class);
    }

    /**
     * Moves the application from the version that was read to the next one: status, transition, open key (removed
     * when the new status is final), any extra fields, the events and a decision's entry for the uptake counts, all
     * in one write; then the counts take the entry.
     */
    void move(ApplicationDocument application, Transition transition, Update extra, List<OutboxEntry> events) {
        Update update = extra == null ? new Update() : extra;
        // whoever had claimed it was working on the step that has just been taken
        update.set("status", transition.to()).set("version", application.version() + 1)
                .push("transitions", transition).unset("claim");
        if (!transition.to().isOpen()) {
            update.unset("openKey");
        }
        if (!events.isEmpty()) {
            update.push(OutboxEntry.FIELD).each(events.toArray());
        }
        Optional<Pending> decided = decision(application, transition);
        decided.ifPresent(entry -> update.push(UptakeCounts.PENDING, entry.toDocument()));
        Query unchanged = Query.query(Criteria.where("_id").is(application.id()).and("version").is(application.version()));
        if (mongo.updateFirst(unchanged, update, ApplicationDocument.class).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("application changed since version " + application.version());
        }
        decided.ifPresent(entry -> uptake.takeAfterWrite(application.id(), entry));
    }

    private static Optional<Pending> decision(ApplicationDocument application, Transition transition) {
        MatchResult applied = application.eligibilityAtSubmission();
        return Pending.decided(application.id(), application.version() + 1, application.measureCode(),
                application.kind().name(), transition.to().name(), transition.actor() == ApplicationStatus.Actor.OFFICER,
                transition.at(), application.submittedAt(), applied == null ? null : applied.amount(),
                applied == null ? null : applied.unit(), applied == null ? null : applied.benefitKind());
    }

    /**
     * Open offers of these measures become LAPSED (the applicant no longer qualifies); one write per status. Most
     * measures a re-match finds no longer eligible were never offered (only AUTO_GRANT ones are): the caller asks
     * {@link #concernedByLapse} first and writes only when there is an open offer to lapse.
     */
    void lapseOffers(String applicantId, Collection<String> measureCodes, Instant at) {
        for (ApplicationStatus from : List.of(ApplicationStatus.OFFERED, ApplicationStatus.CONFIRMED)) {
            Query query = Query.query(Criteria.where("applicantId").is(applicantId).and("kind").is(ApplicationKind.OFFER)
                    .and("measureCode").in(measureCodes).and("status").is(from));
            Transition lapse = new Transition(at, ApplicationStatus.Actor.SYSTEM, "system", null, from,
                    ApplicationStatus.LAPSED, "NO_LONGER_ELIGIBLE", null);
            mongo.updateMulti(query, new Update().set("status", ApplicationStatus.LAPSED).unset("openKey").unset("claim")
                    .inc("version", 1).push("transitions", lapse), ApplicationDocument.class);
        }
    }

    /**
     * The officers' queue: these statuses, optionally one measure, overdue or not (only waiting applications can
     * be overdue), and due on or before {@code dueBy} (overdue ones included).
     */
    record QueueFilter(Set<ApplicationStatus> statuses, String measureCode, Boolean overdue, LocalDate dueBy,
            LocalDate today, HeldBy heldBy) {
        QueueFilter(Set<ApplicationStatus> statuses, String measureCode, Boolean overdue, LocalDate dueBy,
                LocalDate today) {
            this(statuses, measureCode, overdue, dueBy, today, null);
        }
    }

    /** Only what the officer {@code subject} holds by a claim taken (or assigned) since {@code lapsedBefore}. */
    record HeldBy(String subject, Instant lapsedBefore) {
        List<Criteria> criteria() {
            return List.of(Criteria.where("claim.by").is(subject), Criteria.where("claim.at").gte(lapsedBefore));
        }
    }

    /** By due date, soonest first unless {@code latestFirst}; ties by submission and id, so pages never overlap. */
    List<ApplicationDocument> queue(QueueFilter filter, boolean latestFirst, int page, int size) {
        Sort.Direction direction = latestFirst ? Sort.Direction.DESC : Sort.Direction.ASC;
        return mongo.find(queueQuery(filter).with(Sort.by(new Sort.Order(direction, "dueDate"),
                new Sort.Order(direction, "submittedAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size),
                ApplicationDocument.class);
    }

    long count(QueueFilter filter) {
        return mongo.count(queueQuery(filter), ApplicationDocument.class);
    }

    long countOverdue(LocalDate today) {
        return count(new QueueFilter(ApplicationStatus.awaitingOfficer(), null, true, null, today));
    }

    /**
     * How many applications of the measure (all measures: null) are in each status, only those {@code heldBy} holds
     * when given (the queue's 我办理的); statuses without any left out.
     */
    Map<ApplicationStatus, Long> countByStatus(String measureCode, HeldBy heldBy) {
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        List<Criteria> all = new ArrayList<>();
        if (measureCode != null) {
            all.add(Criteria.where("measureCode").is(measureCode));
        }
        if (heldBy != null) {
            all.addAll(heldBy.criteria());
        }
        Criteria matching = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        for (Document group : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(matching),
                Aggregation.group("status").count().as("count")), ApplicationDocument.COLLECTION, Document.class)) {
            counts.put(ApplicationStatus.valueOf(group.getString("_id")), group.get("count", Number.class).longValue());
        }
        return counts;
    }

    /**
     * {@code claim}'s officer gets the application, taken by themselves or assigned by {@code actor}, unless an officer
     * other than these two holds it by a claim that has not lapsed (taken before {@code lapsedBefore}); taking it
     * again refreshes the time. One conditional update, so two officers taking it at once cannot both win; a
     * {@code handover} (null when the officer takes it) goes into the history in the same write. False when a
     * colleague holds it or it does not exist.
     */
    boolean claim(String id, ApplicationDocument.Claim claim, String actor, Instant lapsedBefore,
            ApplicationDocument.Handover handover) {
        Query free = Query.query(Criteria.where("_id").is(id).orOperator(Criteria.where("claim").is(null),
                Criteria.where("claim.by").in(List.of(claim.by(), actor)), Criteria.where("claim.at").lt(lapsedBefore)));
        Update update = new Update().set("claim", claim);
        if (handover != null) {
            update.push("handovers", handover);
        }
        return mongo.updateFirst(free, update, ApplicationDocument.class).getMatchedCount() == 1;
    }

    /**
     * The officer {@code subject}'s claim, if it is still live (taken since {@code lapsedBefore}), counts from
     * {@code now}; a colleague's or a lapsed claim is left as it is. The version stays: nothing the applicant or a
     * decision depends on changed.
     */
    void refreshClaim(String id, String subject, Instant lapsedBefore, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claim.by").is(subject)
                .and("claim.at").gte(lapsedBefore)), new Update().set("claim.at", now), ApplicationDocument.class);
    }

    /** The officer {@code subject} lets go of the application; false when they did not hold it. */
    boolean release(String id, String subject) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claim.by").is(subject)),
                new Update().unset("claim"), ApplicationDocument.class).getMatchedCount() == 1;
    }

    private static Query queueQuery(QueueFilter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").in(filter.statuses()));
        if (filter.measureCode() != null) {
            all.add(Criteria.where("measureCode").is(filter.measureCode()));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(Criteria.where("status").in(ApplicationStatus.awaitingOfficer()));
            all.add(Criteria.where("dueDate").lt(filter.today()));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(new Criteria().orOperator(Criteria.where("status").nin(ApplicationStatus.awaitingOfficer()),
                    Criteria.where("dueDate").gte(filter.today())));
        }
        if (filter.dueBy() != null) {
            all.add(Criteria.where("dueDate").lte(filter.dueBy()));
        }
        if (filter.heldBy() != null) {
            all.addAll(filter.heldBy().criteria());
        }
        return Query.query(new Criteria().andOperator(all));
    }

    List<String> applicantsWithPendingProfileSync() {
        return mongo.findDistinct(Query.query(Criteria.where("profileSyncPending").is(true)), "applicantId",
                ApplicationDocument.class, String.class);
    }

    /** An application whose change of what is held has not yet reached the profile, at the version it was seen. */
    record SyncMarker(String id, long version) {
    }

    List<SyncMarker> profileSyncMarkers(String applicantId) {
        Query marked = Query.query(Criteria.where("applicantId").is(applicantId).and("profileSyncPending").is(true));
        marked.fields().include("_id", "version");
        return mongo.find(marked, Document.class, ApplicationDocument.COLLECTION).stream()
                .map(found -> new SyncMarker(found.getString("_id"), found.get("version", Number.class).longValue()))
                .toList();
    }

    /**
     * Clears the markers that were read before the profile was synced, each only while its application is still at
     * the version read: a change made since (an approval ended meanwhile) keeps its marker for the next sync.
     */
    void clearProfileSyncMarkers(Collection<SyncMarker> synced) {
        for (SyncMarker marker : synced) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(marker.id()).and("version").is(marker.version())
                    .and("profileSyncPending").is(true)), new Update().unset("profileSyncPending"),
                    ApplicationDocument.class);
        }
    }

    /** Approvals whose term ran out before {@code today}, oldest first, at most {@code limit}. */
    List<ApplicationDocument> expiredBy(LocalDate today, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(ApplicationStatus.APPROVED)
                        .and("grant.until").lt(today)).with(Sort.by("grant.until", "_id")).limit(limit),
                ApplicationDocument.class);
    }

    /**
     * Erasure: every application and offer of the applicant created before the erasure; what they still had to add
     * to the uptake counts is added first (the counts keep the erased applicant's acts, README "Statistics").
     */
    void deleteAllOf(String applicantId, Instant createdBefore) {
        uptake.takeAllOf(applicantId);
        mongo.remove(Query.query(Criteria.where("applicantId").is(applicantId).and("createdAt").lte(createdBefore)),
                ApplicationDocument.class);
    }
}
