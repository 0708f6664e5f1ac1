package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import cn.qujiang.youth.contracts.GrantTerm;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Update;

/** The application store against mongo-java-server: the unique sparse open key and the version guard. */
class ApplicationStoreTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    /** Claims taken before this have lapsed. */
    private static final Instant LAPSED = Instant.parse("2026-03-09T18:00:00Z");
    private InMemoryMongo mongo;
    private ApplicationStore store;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo().withIndexesOf(ApplicationDocument.class);
        store = new ApplicationStore(mongo.template(), new UptakeCounts(mongo.template()));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    static ApplicationDocument submitted(String applicant, String code, LocalDate due) {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        return new ApplicationDocument(UUID.randomUUID().toString(), 1, applicant, ApplicationKind.APPLICATION, code, 1,
                LocalizedText.of("补贴", "Subsidy"), ApplicationStatus.SUBMITTED, ApplicationDocument.openKey(applicant, code),
                now, now, due, 3, 1, null, null,
                List.of(new Transition(now, Actor.APPLICANT, applicant, null, null, ApplicationStatus.SUBMITTED, "SUBMITTED", null)),
                null, List.of(), null);
    }

    private ApplicationDocument insert(ApplicationDocument application) {
        store.insert(application);
        return application;
    }

    private static Transition to(ApplicationStatus from, ApplicationStatus to) {
        return new Transition(Instant.now(), Actor.OFFICER, "officer-1", "hr1", from, to, "CRITERIA_MET", null);
    }

    @Test
    void theServerRefusesASecondOpenApplicationForTheSameMeasure() {
        store.insert(submitted("a1", "QJY-01", TODAY));
        assertThatThrownBy(() -> store.insert(submitted("a1", "QJY-01", TODAY))).isInstanceOf(DuplicateKeyException.class);
        store.insert(submitted("a2", "QJY-01", TODAY)); // another applicant
        store.insert(submitted("a1", "QJY-02", TODAY)); // another measure
    }

    @Test
    void closingAnApplicationFreesTheKeyAndClosedOnesDoNotCollide() {
        ApplicationDocument first = insert(submitted("a1", "QJY-01", TODAY));
        store.move(first, to(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED), new Update(), List.of());
        ApplicationDocument second = insert(submitted("a1", "QJY-01", TODAY));
        store.move(second, new Transition(Instant.now(), Actor.APPLICANT, "a1", null, ApplicationStatus.SUBMITTED,
                ApplicationStatus.WITHDRAWN, "WITHDRAWN", null), new Update(), List.of());
        store.insert(submitted("a1", "QJY-01", TODAY));
        assertThat(store.listOwn("a1")).extracting(ApplicationDocument::status)
                .containsExactlyInAnyOrder(ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN, ApplicationStatus.SUBMITTED);
        assertThat(store.find(first.id()).orElseThrow().openKey()).isNull();
    }

    @Test
    void aMoveFromAVersionThatIsNoLongerCurrentFails() {
        ApplicationDocument read = insert(submitted("a1", "QJY-01", TODAY));
        store.move(read, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED), new Update(), List.of());
        assertThatThrownBy(() -> store.move(read, to(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED),
                new Update(), List.of())).isInstanceOf(OptimisticLockingFailureException.class);
        ApplicationDocument now = store.find(read.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.transitions()).extracting(Transition::to)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED);
    }

    @Test
    void theQueueIsSortedByDueDateAndFiltersOverdueAndMeasure() {
        store.insert(submitted("a1", "QJY-01", TODAY.minusDays(2)));
        store.insert(submitted("a2", "QJY-01", TODAY.plusDays(3)));
        store.insert(submitted("a3", "QJY-02", TODAY.minusDays(1)));
        store.insert(submitted("a4", "QJY-02", TODAY)); // due today: not yet overdue
        Set<ApplicationStatus> waiting = ApplicationStatus.awaitingOfficer();
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, null, null, TODAY), false, 0, 10))
                .extracting(ApplicationDocument::applicantId).containsExactly("a1", "a3", "a4", "a2");
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, true, null, TODAY), false, 0, 10))
                .extracting(ApplicationDocument::applicantId).containsExactly("a1", "a3");
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, false, null, TODAY), false, 0, 10))
                .extracting(ApplicationDocument::applicantId).containsExactly("a4", "a2");
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, "QJY-02", null, null, TODAY), false, 0, 10))
                .extracting(ApplicationDocument::applicantId).containsExactly("a3", "a4");
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, null, null, TODAY), false, 1, 2))
                .extracting(ApplicationDocument::applicantId).containsExactly("a4", "a2");
        assertThat(store.countOverdue(TODAY)).isEqualTo(2);
    }

    @Test
    void theQueueKeepsWhatIsDueWithinAWindowAndSortsLatestFirstOnRequest() {
        store.insert(submitted("a1", "QJY-01", TODAY.minusDays(2)));
        store.insert(submitted("a2", "QJY-01", TODAY.plusDays(3)));
        store.insert(submitted("a3", "QJY-02", TODAY.plusDays(1)));
        Set<ApplicationStatus> waiting = ApplicationStatus.awaitingOfficer();

        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, null, TODAY.plusDays(1), TODAY), false,
                0, 10)).extracting(ApplicationDocument::applicantId).as("overdue ones are due within any window")
                .containsExactly("a1", "a3");
        assertThat(store.queue(new ApplicationStore.QueueFilter(waiting, null, null, null, TODAY), true, 0, 10))
                .extracting(ApplicationDocument::applicantId).containsExactly("a2", "a3", "a1");
    }

    @Test
    void statusesAreCountedPerMeasureOrOverall() {
        ApplicationDocument approved = insert(submitted("a1", "QJY-01", TODAY));
        store.insert(submitted("a2", "QJY-01", TODAY));
        store.insert(submitted("a3", "QJY-02", TODAY));
        store.move(approved, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED), null, List.of());

        assertThat(store.countByStatus(null, null)).containsOnly(entry(ApplicationStatus.SUBMITTED, 2L),
                entry(ApplicationStatus.APPROVED, 1L));
        assertThat(store.countByStatus("QJY-02", null)).containsOnly(entry(ApplicationStatus.SUBMITTED, 1L));
    }

    @Test
    void oneOfficerAtATimeHoldsAClaimWhichEveryChangeOfStatusClears() {
        ApplicationDocument application = insert(submitted("a1", "QJY-01", TODAY));
        Instant at = Instant.parse("2026-03-10T02:00:00Z");

        assertThat(store.claim(application.id(), new ApplicationDocument.Claim("hr-1", "hr1", at), "hr-1", LAPSED, null)).isTrue();
        assertThat(store.claim(application.id(), new ApplicationDocument.Claim("hr-2", "hr2", at), "hr-2", LAPSED, null)).isFalse();
        assertThat(store.release(application.id(), "hr-2")).isFalse();
        assertThat(store.find(application.id()).orElseThrow().claim().byName()).isEqualTo("hr1");
        assertThat(store.find(application.id()).orElseThrow().claimedByOther("hr-2", LAPSED)).isTrue();
        assertThat(store.release(application.id(), "hr-1")).isTrue();
        assertThat(store.claim(application.id(), new ApplicationDocument.Claim("hr-2", "hr2", at), "hr-2", LAPSED, null)).isTrue();

        store.move(store.find(application.id()).orElseThrow(),
                to(ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED), null, List.of());

        assertThat(store.find(application.id()).orElseThrow().claim()).isNull();
    }

    @Test
    void aClaimIdleLongerThanTheLapseNoLongerBindsAndTheNextOfficerTakesItOver() {
        ApplicationDocument application = insert(submitted("a1", "QJY-01", TODAY));
        Instant yesterday = LAPSED.minusSeconds(60);
        store.claim(application.id(), new ApplicationDocument.Claim("hr-1", "hr1", yesterday), "hr-1", LAPSED, null);

        ApplicationDocument forgotten = store.find(application.id()).orElseThrow();
        assertThat(forgotten.liveClaim(LAPSED)).isNull();
        assertThat(forgotten.claimedByOther("hr-2", LAPSED)).isFalse();
        assertThat(store.claim(application.id(), new ApplicationDocument.Claim("hr-2", "hr2", LAPSED.plusSeconds(1)),
                "hr-2", LAPSED, null)).isTrue();
        assertThat(store.find(application.id()).orElseThrow().liveClaim(LAPSED).byName()).isEqualTo("hr2");
    }

    @Test
    void anOfficerAssignsWhatIsFreeOrTheirsButNotWhatAColleagueHolds() {
        ApplicationDocument free = insert(submitted("a1", "QJY-01", TODAY));
        ApplicationDocument heldByHr3 = insert(submitted("a2", "QJY-01", TODAY));
        Instant at = LAPSED.plusSeconds(3600);
        store.claim(heldByHr3.id(), new ApplicationDocument.Claim("hr-3", "hr3", at), "hr-3", LAPSED, null);

        assertThat(store.claim(free.id(), new ApplicationDocument.Claim("hr-2", "hr2", at), "hr-1", LAPSED, null))
                .as("hr1 hands a free one to hr2").isTrue();
        assertThat(store.claim(free.id(), new ApplicationDocument.Claim("hr-1", "hr1", at), "hr-1", LAPSED, null))
                .as("hr2 holds it now: hr1 cannot take it back").isFalse();
        assertThat(store.claim(heldByHr3.id(), new ApplicationDocument.Claim("hr-2", "hr2", at), "hr-1", LAPSED, null))
                .as("hr3's live claim").isFalse();
        assertThat(store.find(heldByHr3.id()).orElseThrow().claim().byName()).isEqualTo("hr3");
        assertThat(store.claim("no-such-id", new ApplicationDocument.Claim("hr-2", "hr2", at), "hr-1", LAPSED, null)).isFalse();
    }

    @Test
    void theQueueOfOneOfficerHoldsOnlyTheirLiveClaims() {
        ApplicationDocument mine = insert(submitted("a1", "QJY-01", TODAY));
        ApplicationDocument lapsed = insert(submitted("a2", "QJY-01", TODAY));
        ApplicationDocument colleagues = insert(submitted("a3", "QJY-01", TODAY));
        insert(submitted("a4", "QJY-01", TODAY));
        store.claim(mine.id(), new ApplicationDocument.Claim("hr-2", "hr2", LAPSED.plusSeconds(5)), "hr-1", LAPSED, null);
        store.claim(lapsed.id(), new ApplicationDocument.Claim("hr-2", "hr2", LAPSED.minusSeconds(5)), "hr-2", LAPSED, null);
        store.claim(colleagues.id(), new ApplicationDocument.Claim("hr-3", "hr3", LAPSED.plusSeconds(5)), "hr-3", LAPSED, null);

        ApplicationStore.QueueFilter hr2 = new ApplicationStore.QueueFilter(ApplicationStatus.awaitingOfficer(), null,
                null, null, TODAY, new ApplicationStore.HeldBy("hr-2", LAPSED));
        assertThat(store.queue(hr2, false, 0, 10)).extracting(ApplicationDocument::id).containsExactly(mine.id());
        assertThat(store.count(hr2)).isEqualTo(1);
        assertThat(store.countByStatus(null, hr2.heldBy())).as("the counts beside 我办理的")
                .containsOnly(entry(ApplicationStatus.SUBMITTED, 1L));
        assertThat(store.countByStatus("QJY-02", hr2.heldBy())).isEmpty();
    }

    @Test
    void theProfileSyncMarkerIsClearedOnlyWhileItsApplicationIsAsItWasRead() {
        ApplicationDocument x = insert(submitted("a1", "QJY-01", TODAY));
        ApplicationDocument y = insert(submitted("a1", "QJY-02", TODAY));
        store.move(x, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED),
                new Update().set("profileSyncPending", true), List.of());
        store.move(y, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED),
                new Update().set("profileSyncPending", true), List.of());
        assertThat(store.applicantsWithPendingProfileSync()).containsExactly("a1");
        List<ApplicationStore.SyncMarker> read = store.profileSyncMarkers("a1");
        ApplicationDocument approvedY = store.find(y.id()).orElseThrow();
        store.move(approvedY, to(ApplicationStatus.APPROVED, ApplicationStatus.ENDED),
                new Update().set("profileSyncPending", true), List.of());

        store.clearProfileSyncMarkers(read);

        assertThat(store.find(x.id()).orElseThrow().profileSyncPending()).isNull();
        assertThat(store.find(y.id()).orElseThrow().profileSyncPending()).as("ended since the read").isTrue();
        assertThat(store.approvedCodes("a1")).containsExactly("QJY-01");
    }

    @Test
    void approvalsWhoseTermRanOutBeforeTodayAreFoundForTheSweep() {
        ApplicationDocument year = insert(submitted("a1", "QJY-37", TODAY));
        ApplicationDocument forGood = insert(submitted("a2", "QJY-01", TODAY));
        ApplicationDocument lastDayToday = insert(submitted("a3", "QJY-36", TODAY));
        store.move(year, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED), new Update().set("grant",
                new Grant(GrantTerm.Term.CALENDAR_YEAR, TODAY.minusYears(1), TODAY.minusDays(1), "year:2025", null)),
                List.of());
        store.move(forGood, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED), new Update().set("grant",
                new Grant(GrantTerm.Term.ONE_OFF, TODAY.minusYears(1), null, Grant.OVERALL, null)), List.of());
        store.move(lastDayToday, to(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED), new Update().set("grant",
                new Grant(GrantTerm.Term.CALENDAR_YEAR, TODAY.minusDays(3), TODAY, "year:2026", null)), List.of());

        assertThat(store.expiredBy(TODAY, 10)).extracting(ApplicationDocument::id).containsExactly(year.id());
        assertThat(store.expiredBy(TODAY.plusDays(1), 10)).extracting(ApplicationDocument::id)
                .containsExactly(year.id(), lastDayToday.id());
    }
}
