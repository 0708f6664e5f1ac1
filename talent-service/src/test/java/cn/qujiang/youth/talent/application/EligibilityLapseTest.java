package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.application.StoredApplications.Spec;
import cn.qujiang.youth.talent.application.StoredApplications.Step;
import cn.qujiang.youth.talent.catalogue.CatalogueReplica;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.matches.MatchesApplied;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Losing eligibility, against mongo-java-server: open offers of the measures dropped lapse with a transition saying
 * why; applications in progress, held benefits not granted "while eligible", other measures and other applicants
 * stay as they were. (A benefit granted while eligible ending: BenefitLifeIT.)
 */
class EligibilityLapseTest {
    private static final Instant CREATED = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    private InMemoryMongo mongo;
    private ApplicationStore store;
    private ApplicationWorkflow workflow;
    private EligibilityLapse lapse;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo().withIndexesOf(ApplicationDocument.class);
        store = new ApplicationStore(mongo.template(), new UptakeCounts(mongo.template()));
        workflow = mock(ApplicationWorkflow.class);
        CatalogueReplica catalogue = mock(CatalogueReplica.class);
        when(catalogue.find(any())).thenReturn(Optional.empty());
        lapse = new EligibilityLapse(store, workflow, catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void openOffersOfTheMeasuresDroppedLapseAndNothingElseMoves() {
        List<String> ids = StoredApplications.insert(mongo.template(), List.of(
                spec("a1", "QJY-08", true),
                spec("a1", "QJY-09", true, Step.officer(CREATED.plusSeconds(60), "CONFIRMED")),
                spec("a1", "QJY-17", false),
                spec("a1", "QJY-20", false, Step.officer(CREATED.plusSeconds(60), "APPROVED")),
                spec("a1", "QJY-30", true),
                spec("a2", "QJY-08", true)));

        lapse.on(noLongerEligible("a1", "QJY-08", "QJY-09", "QJY-17", "QJY-20"));

        assertThat(ids.stream().map(id -> store.find(id).orElseThrow().status())).containsExactly(
                ApplicationStatus.LAPSED, ApplicationStatus.LAPSED, ApplicationStatus.SUBMITTED,
                ApplicationStatus.APPROVED, ApplicationStatus.OFFERED, ApplicationStatus.OFFERED);
        ApplicationDocument lapsed = store.find(ids.get(1)).orElseThrow();
        Transition last = lapsed.transitions().get(lapsed.transitions().size() - 1);
        assertThat(List.of(last.from(), last.to(), last.actor())).containsExactly(ApplicationStatus.CONFIRMED,
                ApplicationStatus.LAPSED, ApplicationStatus.Actor.SYSTEM);
        assertThat(last.reasonCode()).isEqualTo("NO_LONGER_ELIGIBLE");
        assertThat(last.at()).isEqualTo(NOW);
        assertThat(lapsed.openKey()).as("a new offer may be made once eligible again").isNull();
        verifyNoInteractions(workflow);
    }

    @Test
    void anEvaluationThatDropsNothingHeldOrOfferedChangesNothing() {
        List<String> ids = StoredApplications.insert(mongo.template(), List.of(spec("a1", "QJY-08", true)));
        lapse.on(noLongerEligible("a1", "QJY-11"));
        lapse.on(noLongerEligible("a1"));
        assertThat(store.find(ids.get(0)).orElseThrow().status()).isEqualTo(ApplicationStatus.OFFERED);
    }

    private static Spec spec(String applicant, String code, boolean offer, Step... steps) {
        return new Spec(applicant, code, offer, CREATED, CREATED, LocalDate.of(2026, 3, 20), 1000L, "YUAN",
                "MONTHLY_CASH", List.of(steps));
    }

    private static MatchesApplied noLongerEligible(String applicant, String... codes) {
        return new MatchesApplied(new MatchesEvaluated(applicant, 3, LocalDate.of(2026, 3, 10), NOW,
                MatchesEvaluated.Trigger.PROFILE_CHANGED, List.of(), List.of(), List.of(codes)), EventKey.generate(), 3,
                new MatchReadModel.Evaluation(3, NOW, NOW));
    }
}
