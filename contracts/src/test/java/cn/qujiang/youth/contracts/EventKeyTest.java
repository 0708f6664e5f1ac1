package cn.qujiang.youth.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.Gcm.SealBrokenException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealed parts open with the applicant's key only, in the event they were sealed for only. */
class EventKeyTest {
    private static final LocalDate BIRTH = LocalDate.of(2001, 5, 20);
    private final EventKey key = EventKey.generate();
    private final ApplicantFacts facts = new ApplicantFacts(BIRTH, null, Degree.MASTER, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void factsSealedForAnApplicantOpenWithTheirKey() {
        ApplicantProfileChanged event = ApplicantProfileChanged.sealing("a1", 3, Instant.EPOCH, facts, List.of(), key);

        String wire = EventJson.write(event);

        assertThat(wire).doesNotContain("2001").doesNotContain("MASTER").contains(key.keyId());
        assertThat(EventJson.read(wire, ApplicantProfileChanged.class).facts(key)).isEqualTo(facts);
    }

    @Test
    void anotherKeyEvenUnderTheSameIdOpensNothing() {
        ApplicantProfileChanged event = ApplicantProfileChanged.sealing("a1", 3, Instant.EPOCH, facts, List.of(), key);
        EventKey recreated = new EventKey(key.keyId(), EventKey.generate().key());

        assertThat(EventKey.generate().sealed(event.facts())).isFalse();
        assertThatThrownBy(() -> event.facts(EventKey.generate())).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> event.facts(recreated)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aPartCopiedIntoAnotherApplicantsEventDoesNotOpen() {
        SealedPart aliceFacts =
                ApplicantProfileChanged.sealing("alice", 3, Instant.EPOCH, facts, List.of(), key).facts();
        ApplicantProfileChanged forged = new ApplicantProfileChanged("bob", 1, Instant.EPOCH, aliceFacts, List.of());

        assertThatThrownBy(() -> forged.facts(key)).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void theKeyNeverPrintsItself() {
        assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.key());
    }

    @Test
    void aMatchEventWithoutAnyValuesStillSealsAndOpens() {
        MatchesEvaluated event = new MatchesEvaluated("a1", 1, LocalDate.EPOCH, Instant.EPOCH,
                MatchesEvaluated.Trigger.DAILY_SWEEP, List.of(), List.of(), List.of());

        MatchesEvaluated sealed = event.sealValues(key);

        assertThat(sealed.sealedValues()).isNotNull();
        assertThat(sealed.openValues(key)).isEqualTo(event);
    }
}
