package cn.qujiang.youth.talent.matches;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.qujiang.youth.contracts.CloudEventHeaders;
import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.Trigger;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.talent.admission.MatchingBacklog;
import cn.qujiang.youth.talent.eventkey.EventKeys;
import cn.qujiang.youth.talent.matches.MatchReadModel.Evaluation;
import cn.qujiang.youth.talent.profile.ProfileService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** What the match listener tells the save admission: how long a save's results took, or that a re-match flows. */
class MatchListenerTest {
    private static final Instant SAVED = Instant.parse("2026-03-02T08:00:00Z");

    private final MatchReadModel matches = mock(MatchReadModel.class);
    private final ProfileService profiles = mock(ProfileService.class);
    private final EventKeys keys = mock(EventKeys.class);
    private final MatchingBacklog backlog = mock(MatchingBacklog.class);
    private final MatchListener listener = new MatchListener(matches, profiles, mock(ApplicationEventPublisher.class),
            keys, backlog);

    @BeforeEach
    void applicantWithAKeyAndVersion4() {
        when(keys.find("a1")).thenReturn(Optional.of(new EventKey("k1", "a2V5")));
        when(profiles.liveVersion("a1")).thenReturn(OptionalLong.of(4));
    }

    @Test
    void resultsOfASaveTellHowLongTheyTookFromTheSaveAlsoWhenTheApplicantSavedAgainSince() {
        stores(3, SAVED.plusMillis(7250));
        listener.on(record(3, Trigger.PROFILE_CHANGED, SAVED));
        verify(backlog).savedResultsStored(Duration.ofMillis(7250));
    }

    @Test
    void resultsOfAnEventOlderThanTheSaveTimeSayNothingAboutTheDelay() {
        stores(3, SAVED.plusMillis(900));
        listener.on(record(3, Trigger.PROFILE_CHANGED, null));
        verifyNoInteractions(backlog);
    }

    @Test
    void resultsOfTheDailySweepAreARematch() {
        stores(4, SAVED.plusSeconds(86_400));
        listener.on(record(4, Trigger.DAILY_SWEEP, null));
        verify(backlog).rematchResultsStored();
    }

    @Test
    void resultsOfACatalogueChangeAreARematch() {
        stores(3, SAVED.plusSeconds(3600));
        listener.on(record(3, Trigger.CATALOGUE_CHANGED, null));
        verify(backlog).rematchResultsStored();
    }

    @Test
    void resultsNotTakenSayNothing() {
        when(matches.apply(any(), any())).thenReturn(Optional.empty());
        listener.on(record(3, Trigger.PROFILE_CHANGED, SAVED));
        verifyNoInteractions(backlog);
    }

    private void stores(long version, Instant storedAt) {
        when(matches.apply(any(), any())).thenReturn(Optional.of(new Evaluation(version, SAVED, storedAt)));
    }

    private static ConsumerRecord<String, String> record(long version, Trigger trigger, Instant savedAt) {
        MatchesEvaluated event = new MatchesEvaluated("a1", version, LocalDate.of(2026, 3, 2), SAVED.plusMillis(100),
                trigger, List.of(), List.of(), List.of()).withProfileChangedAt(savedAt);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.POLICY_MATCH, 0, 0, "a1",
                EventJson.write(event));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE,
                EventType.MATCHES_EVALUATED.typeId().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, "e1".getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
