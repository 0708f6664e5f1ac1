package cn.qujiang.youth.talent.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.application.ApplicationService;
import cn.qujiang.youth.talent.documents.DocumentService;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.matches.MatchReadModel;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * The event key goes first; the Keycloak account is part of the erasure too: while Keycloak cannot delete it, the
 * tombstone stays and the sweep asks again.
 */
class ErasureServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final ProfileService profiles = mock(ProfileService.class);
    private final KeycloakAccounts accounts = mock(KeycloakAccounts.class);
    private final EventKeys eventKeys = mock(EventKeys.class);
    private final ErasureService erasure = new ErasureService(profiles, mock(ApplicationService.class),
            mock(MatchReadModel.class), mock(DocumentService.class), eventKeys, accounts,
            Clock.fixed(NOW, ServiceZone.ZONE));

    @Test
    void theEventKeyIsGoneBeforeAnyoneHearsOfTheErasureAndTheSweepDeletesItAgain() {
        when(profiles.eraseToTombstone("a0")).thenReturn(true);
        when(profiles.tombstones()).thenReturn(Map.of("a0", NOW));
        when(accounts.delete("a0")).thenReturn(true);

        erasure.erase("a0");
        erasure.sweep();

        InOrder order = inOrder(eventKeys, profiles);
        order.verify(eventKeys).delete("a0");
        order.verify(profiles).eraseToTombstone("a0");
        verify(eventKeys, times(3)).delete("a0"); // erase, its purge, and the sweep's purge
    }

    @Test
    void theSweepKeepsTheTombstoneAndAsksKeycloakAgainUntilTheAccountIsGone() {
        Instant longAgo = NOW.minus(1, ChronoUnit.HOURS);
        when(profiles.eraseToTombstone("a1")).thenReturn(true);
        when(profiles.tombstones()).thenReturn(Map.of("a1", longAgo));
        when(accounts.delete("a1")).thenReturn(false, false, true);

        erasure.erase("a1"); // Keycloak is down: the resident's data is gone all the same
        erasure.sweep();
        verify(profiles, never()).deleteRelayedTombstone(anyString());
        erasure.sweep();

        verify(accounts, times(3)).delete("a1");
        verify(profiles).deleteRelayedTombstone("a1");
    }

    @Test
    void withoutAProfileThereIsNoTombstoneToRetryFromSoTheResidentIsAskedToTryAgain() {
        when(profiles.eraseToTombstone("a2")).thenReturn(false);
        when(accounts.delete("a2")).thenReturn(false);

        assertThatThrownBy(() -> erasure.erase("a2")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("ACCOUNT_NOT_DELETED");
            assertThat(e.retryAfter()).isPresent();
        });
    }
}
