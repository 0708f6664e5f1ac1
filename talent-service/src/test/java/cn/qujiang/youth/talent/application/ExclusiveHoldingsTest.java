package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.catalogue.Replicas;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

/** Two measures that cannot be combined are never both approved for one applicant, whatever the timing. */
class ExclusiveHoldingsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 4);

    private InMemoryMongo mongo;
    private ApplicationStore store;
    private ExclusiveHoldings holdings;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo().withIndexesOf(ApplicationDocument.class);
        store = new ApplicationStore(mongo.template(), new UptakeCounts(mongo.template()));
        // written on one side only, as a replica may hold it between two publishes: judged from both sides anyway
        holdings = new ExclusiveHoldings(mongo.template(), store, Replicas.holding(mongo.template(),
                Replicas.measure("RENT", LocalizedText.of("租房补贴", "Rent subsidy"), List.of("APARTMENT")),
                Replicas.measure("APARTMENT", LocalizedText.of("人才公寓", "Talent apartment"), List.of()),
                Replicas.measure("BUS", LocalizedText.of("公交卡", "Bus pass"), List.of())));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    /** An approval as the workflow makes it: claim, write, drop the claim. False when refused. */
    private boolean approve(ApplicationDocument application) {
        try {
            holdings.claim(application.applicantId(), application.id(), application.measureCode(), NOW);
        } catch (ApprovalRefusedException.Excluded e) {
            return false;
        }
        store.move(application, new Transition(NOW, Actor.OFFICER, "officer-1", "hr1", ApplicationStatus.SUBMITTED,
                ApplicationStatus.APPROVED, "CRITERIA_MET", null), new Update(), List.of());
        holdings.drop(application.applicantId(), application.id());
        return true;
    }

    private ApplicationDocument submitted(String applicant, String code) {
        ApplicationDocument application = ApplicationStoreTest.submitted(applicant, code, DUE);
        store.insert(application);
        return application;
    }

    @Test
    void aHeldMeasureRulesOutTheOtherWhicheverSideNamesIt() {
        assertThat(approve(submitted("a1", "RENT"))).isTrue();
        assertThat(approve(submitted("a2", "APARTMENT"))).isTrue();

        assertThatThrownBy(() -> holdings.claim("a1", "x1", "APARTMENT", NOW))
                .isInstanceOfSatisfying(ApprovalRefusedException.Excluded.class, e -> {
                    assertThat(e.measureCode()).isEqualTo("APARTMENT");
                    assertThat(e.excludedBy()).containsExactly("RENT");
                });
        assertThatThrownBy(() -> holdings.claim("a2", "x2", "RENT", NOW))
                .isInstanceOfSatisfying(ApprovalRefusedException.Excluded.class,
                        e -> assertThat(e.excludedBy()).containsExactly("APARTMENT"));
        assertThat(approve(submitted("a1", "BUS"))).as("an unrelated measure").isTrue();
    }

    @Test
    void anApprovalInFlightRulesOutTheOtherUntilItIsDropped() {
        holdings.claim("a1", "rent-approval", "RENT", NOW);

        assertThatThrownBy(() -> holdings.claim("a1", "apartment-approval", "APARTMENT", NOW))
                .isInstanceOf(ApprovalRefusedException.Excluded.class);
        assertThatCode(() -> holdings.claim("a1", "rent-approval", "RENT", NOW))
                .as("the same approval tried again finds its claim").doesNotThrowAnyException();
        assertThatCode(() -> holdings.claim("a2", "other-applicant", "APARTMENT", NOW)).doesNotThrowAnyException();

        holdings.drop("a1", "rent-approval"); // the approval was not written after all
        assertThat(approve(submitted("a1", "APARTMENT"))).isTrue();
    }

    @Test
    void aClaimACrashLeftBehindIsDroppedAfterTheGracePeriod() {
        holdings.claim("a1", "crashed", "RENT", NOW);

        assertThat(holdings.dropClaimsOlderThan(NOW)).as("still within the grace period").isZero();
        assertThat(holdings.dropClaimsOlderThan(NOW.plusSeconds(1))).isEqualTo(1);

        assertThat(approve(submitted("a1", "APARTMENT"))).isTrue();
    }

    @Test
    void twoConcurrentApprovalsOfMeasuresThatExcludeEachOtherNeverBothSucceed() throws Exception {
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                String applicant = "applicant-" + round;
                ApplicationDocument rent = submitted(applicant, "RENT");
                ApplicationDocument apartment = submitted(applicant, "APARTMENT");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> first = officers.submit(() -> {
                    together.await();
                    return approve(rent);
                });
                Future<Boolean> second = officers.submit(() -> {
                    together.await();
                    return approve(apartment);
                });

                List<Boolean> outcomes = new ArrayList<>(List.of(first.get(), second.get()));
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(true, false);
                assertThat(store.approvedCodes(applicant)).as("round %d", round).hasSize(1);
            }
        } finally {
            officers.shutdownNow();
        }
    }
}
