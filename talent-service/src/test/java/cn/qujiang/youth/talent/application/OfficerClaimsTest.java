package cn.qujiang.youth.talent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.InMemoryMongo;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationStatus.Actor;
import cn.qujiang.youth.talent.application.ApplicationWorkflow.Acting;
import cn.qujiang.youth.talent.statistics.UptakeCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who works on an application, as officers notice it: taking, handing over, and claims that lapse when idle. */
class OfficerClaimsTest {
    private static final Acting HR1 = new Acting(Actor.OFFICER, "hr-1", "hr1");
    private static final Acting HR2 = new Acting(Actor.OFFICER, "hr-2", "hr2");
    private static final Acting HR3 = new Acting(Actor.OFFICER, "hr-3", "hr3");

    private final ShiftableClock clock = new ShiftableClock(ZoneOffset.UTC);
    private InMemoryMongo mongo;
    private ApplicationStore store;
    private OfficerClaims claims;
    private String id;

    @BeforeEach
    void start() {
        clock.setTo(Instant.parse("2026-03-10T01:00:00Z"));
        mongo = new InMemoryMongo().withIndexesOf(ApplicationDocument.class);
        store = new ApplicationStore(mongo.template(), new UptakeCounts(mongo.template()));
        OfficerDirectory officers = new OfficerDirectory(mongo.template(), clock);
        officers.seen(HR1);
        officers.seen(HR2);
        officers.seen(HR3);
        claims = new OfficerClaims(store, officers, clock, Duration.ofHours(8));
        ApplicationDocument application = ApplicationStoreTest.submitted("a1", "QJY-01", LocalDate.of(2026, 3, 12));
        store.insert(application);
        id = application.id();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private ApplicationDocument.Claim holder() {
        return claims.live(store.find(id).orElseThrow());
    }

    @Test
    void aClaimForgottenOvernightNoLongerKeepsColleaguesOut() {
        claims.take(id, HR1);
        assertThatThrownBy(() -> claims.take(id, HR2)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code(), e -> ((ApiException) e).args()[0])
                .containsExactly("CLAIMED_BY_OTHER", "hr1");

        clock.shift(Duration.ofHours(8).plusMinutes(1));
        assertThat(holder()).as("lapsed: shown to nobody").isNull();
        claims.requireNotHeldByOther(store.find(id).orElseThrow(), HR2);
        claims.take(id, HR2);
        assertThat(holder().byName()).isEqualTo("hr2");
    }

    @Test
    void takingItAgainStartsTheIdleTimeAnew() {
        claims.take(id, HR1);
        clock.shift(Duration.ofHours(7));
        claims.take(id, HR1);
        clock.shift(Duration.ofHours(7));
        assertThat(holder().byName()).isEqualTo("hr1");
    }

    @Test
    void workOnTheApplicationKeepsItsOfficersClaimAliveButNeitherAColleaguesNorALapsedOne() {
        claims.take(id, HR1);
        clock.shift(Duration.ofHours(7));
        claims.active(id, HR2.subject());
        claims.active(id, HR1.subject());
        clock.shift(Duration.ofHours(7));
        assertThat(holder().byName()).as("7 hours since hr1's last act").isEqualTo("hr1");

        clock.shift(Duration.ofHours(1).plusMinutes(1));
        assertThat(holder()).isNull();
        claims.active(id, HR1.subject());
        assertThat(holder()).as("a lapsed claim stays lapsed: colleagues may have seen it free").isNull();
    }

    @Test
    void anOfficerHandsOnWhatTheyHoldButNotWhatAColleagueHolds() {
        claims.take(id, HR1);
        claims.assign(id, HR1, "hr2");
        assertThat(holder().byName()).isEqualTo("hr2");

        assertThatThrownBy(() -> claims.assign(id, HR3, "hr3")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).args()[0]).isEqualTo("hr2");
        assertThatThrownBy(() -> claims.assign(id, HR2, "nobody")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("OFFICER_UNKNOWN");
        assertThatThrownBy(() -> claims.release(id, HR1)).isInstanceOf(ApiException.class);
        claims.release(id, HR2);
        assertThat(holder()).isNull();
    }

    @Test
    void aHandoverStaysInTheHistoryWithWhoHandedItToWhomAndWhen() {
        claims.take(id, HR1);
        clock.shift(Duration.ofMinutes(5));
        Instant before = ServiceZone.now(clock);
        claims.assign(id, HR1, "hr2");
        Instant after = ServiceZone.now(clock);
        clock.shift(Duration.ofMinutes(5));
        claims.assign(id, HR2, "hr2"); // taking it through the same door is no handover
        claims.release(id, HR2);

        assertThat(store.find(id).orElseThrow().handovers()).singleElement().satisfies(handover -> {
            assertThat(handover.byName()).isEqualTo("hr1");
            assertThat(handover.by()).isEqualTo("hr-1");
            assertThat(handover.toName()).isEqualTo("hr2");
            assertThat(handover.at()).isBetween(before, after);
        });
    }
}
