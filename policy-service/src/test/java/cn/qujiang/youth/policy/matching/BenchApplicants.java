package cn.qujiang.youth.policy.matching;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import cn.qujiang.youth.policy.catalogue.ActiveCatalogue;
import cn.qujiang.youth.policy.catalogue.CatalogueSnapshot;
import cn.qujiang.youth.policy.catalogue.DraftUnderReview;
import cn.qujiang.youth.policy.catalogue.Drafts;
import cn.qujiang.youth.policy.engine.eligibility.Outlooks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Benchmark support: stores many evaluated applicants quickly and tells when a re-match has finished. */
public final class BenchApplicants {
    private static final int INSERT_BATCH = 1000;

    private BenchApplicants() {
    }

    /** Stores {@code count} applicants with varied facts, evaluated against the current catalogue, no events. */
    public static void seed(ApplicationContext context, int count, long randomSeed) {
        Matcher matcher = context.getBean(Matcher.class);
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        CatalogueSnapshot snapshot = context.getBean(ActiveCatalogue.class).current();
        LocalDate today = matcher.today();
        Instant now = Instant.now();
        Random random = new Random(randomSeed);
        List<ApplicantMatches> batch = new ArrayList<>(INSERT_BATCH);
        for (int i = 0; i < count; i++) {
            ApplicantFacts facts = facts(random, today);
            Evaluation evaluation = Evaluation.of(1, facts, List.of(), today, snapshot.revision(), now,
                    matcher.results(snapshot, facts, List.of(), today, Outlooks.NEAR_MISS));
            batch.add(new ApplicantMatches(UUID.randomUUID().toString(), 1, 1, evaluation.facts(),
                    evaluation.heldMeasures(), today, snapshot.revision(), now, evaluation.lines(),
                    evaluation.eligible(), false, List.of()));
            if (batch.size() == INSERT_BATCH || i == count - 1) {
                mongo.insert(batch, ApplicantMatches.class);
                batch.clear();
            }
        }
    }

    /** What the impact preview of a draft counted, and how long it took (milliseconds). */
    public record Preview(long millis, long applicants, long becomeEligible, long loseEligibility, long changed) {
    }

    /** The impact preview of the saved draft of {@code code}, computed in the calling thread as the service does. */
    public static Preview previewImpact(ApplicationContext context, String code) {
        DraftUnderReview draft = context.getBean(Drafts.class).current(code);
        ImpactPreviews.Impact impact = context.getBean(ImpactPreviews.class).compute(
                context.getBean(ActiveCatalogue.class).current(), draft.measure(),
                context.getBean(Matcher.class).today(), new AtomicLong());
        ImpactTally tally = impact.tally();
        return new Preview(impact.took(), tally.applicants(), tally.count(ImpactTally.Change.BECOMES_ELIGIBLE),
                tally.count(ImpactTally.Change.LOSES_ELIGIBILITY), tally.changed());
    }

    /** A find with limit 1, which stops at the first match (an exists() would count through an aggregation). */
    public static boolean anyBehind(ApplicationContext context, long revision) {
        return first(context, new Document(ApplicantMatches.CATALOGUE_REVISION, new Document("$lt", revision)));
    }

    public static boolean anyEventPending(ApplicationContext context) {
        return first(context, new Document(OutboxEntry.FIELD + ".0", new Document("$exists", true)));
    }

    private static boolean first(ApplicationContext context, Document filter) {
        return context.getBean(MongoTemplate.class).getCollection(ApplicantMatches.COLLECTION).find(filter)
                .projection(new Document("_id", 1)).limit(1).first() != null;
    }

    /** A plausible spread of young people: ages 16 to 45, every degree, status and household registration. */
    public static ApplicantFacts facts(Random random, LocalDate today) {
        int age = 16 + random.nextInt(30);
        Degree degree = pick(random, Degree.values());
        EmploymentStatus status = pick(random, EmploymentStatus.values());
        boolean employed = status == EmploymentStatus.EMPLOYED;
        boolean startup = status == EmploymentStatus.SELF_EMPLOYED;
        return new ApplicantFacts(today.minusYears(age).minusDays(random.nextInt(365)),
                random.nextBoolean() ? ApplicantFacts.Gender.FEMALE : ApplicantFacts.Gender.MALE, degree,
                degree.ordinal() >= Degree.JUNIOR_COLLEGE.ordinal() ? today.minusMonths(random.nextInt(72)) : null, null,
                random.nextInt(10) == 0, pick(random, Hukou.values()), random.nextInt(4) > 0,
                random.nextInt(3) == 0, status, employed ? random.nextBoolean() : null,
                employed ? pick(random, Industry.values()) : null,
                employed ? today.minusMonths(random.nextInt(60)) : null, employed ? random.nextInt(3) : null,
                employed ? today.minusMonths(random.nextInt(24)) : null,
                employed ? today.plusMonths(12 + random.nextInt(36)) : null, startup && random.nextBoolean(),
                startup ? today.minusMonths(random.nextInt(60)) : null,
                startup ? pick(random, Industry.values()) : null,
                random.nextInt(5) == 0, random.nextBoolean(), pick(random, SkillLevel.values()),
                random.nextInt(4) == 0 ? pick(random, TalentTier.values()) : TalentTier.NONE, random.nextBoolean(),
                random.nextInt(5) == 0 ? List.of(today.minusDays(random.nextInt(1000))) : List.of(),
                random.nextInt(8) == 0);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
