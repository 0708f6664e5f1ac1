package cn.qujiang.youth.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.kit.messaging.OutboxEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The applicants matching streams are read from plain BSON by {@link StoredApplicants}: they must come back exactly
 * as Spring Data wrote them and reads them, every fact included, and the queries (behind a revision or a day) must
 * find the same applicants.
 */
class StoredApplicantsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private MongoTemplate mongo;
    private MatchStore store;

    @BeforeEach
    void start() {
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "policy");
        store = new MatchStore(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void whatMatchingReadsIsWhatSpringDataWroteAndReads() {
        Random random = new Random(3);
        List<ApplicantMatches> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApplicantFacts facts = i == 0 ? everyFact() : i == 1 ? ApplicantFacts.none() : BenchApplicants.facts(random, TODAY);
            written.add(new ApplicantMatches("a" + i, 3 + i, 2, facts, i % 3 == 0 ? List.of("QJY-05") : List.of(),
                    TODAY.minusDays(i % 2), 7 + i % 2, Instant.parse("2026-03-02T01:02:03.456Z"),
                    List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||"), List.of("QJY-01"), false, List.of()));
        }
        mongo.insertAll(written);

        List<ApplicantMatches> behind = new ArrayList<>();
        store.forEachPageBehind(8, TODAY, 7, behind::addAll);
        List<ApplicantMatches> toEvaluate = new ArrayList<>();
        store.forEachPageToEvaluate(7, toEvaluate::addAll);

        List<ApplicantMatches> springRead = mongo.findAll(ApplicantMatches.class);
        assertThat(springRead.get(0).facts()).isEqualTo(everyFact());
        assertThat(behind).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eligible", "evaluatedAt")
                .containsExactlyInAnyOrderElementsOf(springRead);
        assertThat(toEvaluate).hasSize(50).allSatisfy(read -> {
            ApplicantMatches original = springRead.stream().filter(a -> a.applicantId().equals(read.applicantId()))
                    .findFirst().orElseThrow();
            assertThat(read.facts()).isEqualTo(original.facts());
            assertThat(read.heldMeasures()).isEqualTo(original.heldMeasures());
            assertThat(read.asOf()).isEqualTo(original.asOf());
            assertThat(read.results()).isEqualTo(original.results());
        });

        List<ApplicantMatches> revisionBehind = new ArrayList<>();
        store.forEachPageBehind(8, TODAY.minusDays(1), 100, revisionBehind::addAll);
        assertThat(revisionBehind).extracting(ApplicantMatches::catalogueRevision).containsOnly(7L).hasSize(25);
    }

    @Test
    void aProfileEventStoresWhatSpringDataWouldAndReadsOnlyWhatItCompares() {
        Random random = new Random(9);
        List<String> before = List.of("QJY-01|1|ELIGIBLE|7|NIGHT|false|age:PASSED||",
                "QJY-02|1|INELIGIBLE|||true|age:FAILED||");
        mongo.insert(new ApplicantMatches("a1", 4, 2, BenchApplicants.facts(random, TODAY), List.of(), TODAY, 7,
                Instant.parse("2026-03-02T01:02:03.456Z"), before, List.of("QJY-01"), false, List.of()));
        ApplicantMatches read = store.findToMatch("a1").orElseThrow();
        assertThat(read.lock()).isEqualTo(4);
        assertThat(read.profileVersion()).isEqualTo(2);
        assertThat(read.results()).isEqualTo(before);
        assertThat(read.facts()).isNull();

        for (ApplicantFacts facts : List.of(everyFact(), ApplicantFacts.none(), BenchApplicants.facts(random, TODAY))) {
            ApplicantMatches current = mongo.findById("a1", ApplicantMatches.class);
            List<String> after = List.of("QJY-01|1|INELIGIBLE|||false|age:FAILED||",
                    "QJY-02|1|INELIGIBLE|||true|age:FAILED||");
            Evaluation evaluation = new Evaluation(current.profileVersion() + 1, facts, List.of("QJY-09"), TODAY, 8,
                    Instant.parse("2026-03-02T04:05:06.789Z"), List.of(), after);
            OutboxEntry event = new OutboxEntry("e" + current.lock(), "type", "topic", "a1", "{}",
                    Instant.parse("2026-03-02T04:05:06.789Z"));

            MatchDiff diff = MatchDiff.between(current.results(), after);
            assertThat(store.update("a1", current.lock() - 1, diff, evaluation, event)).isFalse();
            assertThat(store.update("a1", current.lock(), diff, evaluation, event)).isTrue();

            ApplicantMatches expected = new ApplicantMatches("a1", current.lock() + 1, current.profileVersion() + 1,
                    facts, List.of("QJY-09"), TODAY, 8, Instant.parse("2026-03-02T04:05:06.789Z"), after, List.of(),
                    false, List.of(event));
            assertThat(mongo.findById("a1", ApplicantMatches.class)).usingRecursiveComparison()
                    .ignoringFields("outbox").isEqualTo(expected);
            mongo.save(new ApplicantMatches("spring", 1, 1, facts, List.of(), TODAY, 8, Instant.now(), after,
                    List.of(), false, List.of()));
            assertThat(rawFacts("a1")).isEqualTo(rawFacts("spring"));
        }
        assertThat(mongo.findById("a1", ApplicantMatches.class).outbox()).hasSize(3);
    }

    private org.bson.Document rawFacts(String id) {
        return mongo.getCollection(ApplicantMatches.COLLECTION).find(new org.bson.Document("_id", id)).first()
                .get(ApplicantMatches.FACTS, org.bson.Document.class);
    }

    private static ApplicantFacts everyFact() {
        return new ApplicantFacts(LocalDate.of(2000, 2, 29), ApplicantFacts.Gender.FEMALE, Degree.MASTER,
                LocalDate.of(2025, 6, 30), List.of(new Graduation(Degree.BACHELOR, LocalDate.of(2022, 6, 30))), true,
                ApplicantFacts.Hukou.QUZHOU_OTHER, true, false, ApplicantFacts.EmploymentStatus.EMPLOYED, true,
                ApplicantFacts.Industry.ESPORTS, LocalDate.of(2025, 8, 1), 2, LocalDate.of(2025, 7, 15),
                LocalDate.of(2028, 7, 14), false, LocalDate.of(2024, 1, 1), ApplicantFacts.Industry.FILM, false, true,
                ApplicantFacts.SkillLevel.TECHNICIAN, ApplicantFacts.TalentTier.C, true,
                List.of(LocalDate.of(2023, 5, 1), LocalDate.of(2025, 12, 31)), false);
    }
}
