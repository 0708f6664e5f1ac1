package cn.qujiang.youth.talent.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.qujiang.youth.kit.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Which saves are refused, judged by how long recent saves' results took (target 5 s, windows of 2 s, 20 results). */
class MatchingBacklogTest {
    private static final SaveAdmissionProperties DEFAULTS = new SaveAdmissionProperties(null, null, null);

    private final StoppedClock clock = new StoppedClock();
    private double draw = 0.0;  // the next save's draw: 0 refuses whenever anything may be refused
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MatchingBacklog backlog = new MatchingBacklog(clock, DEFAULTS, meters);

    @Test
    void withNoResultsYetEverySaveIsTaken() {
        clock.shift(Duration.ofSeconds(10));
        assertThat(backlog.delay()).isZero();
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void resultsWithinTheTargetDelayRefuseNothing() {
        window(25, Duration.ofMillis(4900));
        assertThat(backlog.delay()).isEqualTo(Duration.ofMillis(4900));
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void whenEvenTheQuickestResultTookTwiceTheTargetEverySaveIsRefusedWithWhenToComeBack() {
        window(25, Duration.ofSeconds(10));
        draw = 0.999;
        ApiException refused = catchThrowableOfType(ApiException.class, this::admit);
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.code()).isEqualTo("OVERLOADED");
        assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(5));
        assertThat(refused.args()).as("the seconds in the detail text").containsExactly(5L);
        assertThat(meters.get("talent.profile.saves.refused").counter().count()).isEqualTo(1);
        assertThat(meters.get("talent.matching.delay").gauge().value()).isEqualTo(10.0);
    }

    @Test
    void halfwayToTwiceTheTargetHalfTheSavesAreRefused() {
        window(25, Duration.ofMillis(7500));
        draw = 0.49;
        assertThat(catchThrowableOfType(ApiException.class, this::admit)).isNotNull();
        draw = 0.51;
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void oneSlowResultAmongQuickOnesIsNoQueue() {
        for (int i = 0; i < 24; i++) {
            backlog.savedResultsStored(Duration.ofMillis(300));
        }
        backlog.savedResultsStored(Duration.ofSeconds(60));
        clock.shift(Duration.ofSeconds(2));
        assertThat(backlog.delay()).isEqualTo(Duration.ofMillis(300));
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void aFewLateResultsAfterAnOutageSayNothing() {
        window(19, Duration.ofSeconds(40));
        assertThat(backlog.delay()).isZero();
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void theLongestWaitAskedForIsHalfAMinute() {
        window(25, Duration.ofSeconds(100));
        assertThat(catchThrowableOfType(ApiException.class, this::admit).retryAfter())
                .hasValue(Duration.ofSeconds(30));
    }

    @Test
    void aWindowWithoutResultsEndsTheRefusals() {
        window(25, Duration.ofSeconds(12));
        assertThat(catchThrowableOfType(ApiException.class, this::admit)).isNotNull();
        clock.shift(Duration.ofSeconds(1));
        assertThat(catchThrowableOfType(ApiException.class, this::admit))
                .as("the window that ended is believed until the next one ends").isNotNull();
        clock.shift(Duration.ofSeconds(1));
        assertThat(backlog.delay()).isZero();
        assertThatCode(this::admit).doesNotThrowAnyException();
    }

    @Test
    void whileARematchFlowsSlowResultsRefuseNothing() {
        backlog.rematchResultsStored();
        window(25, Duration.ofSeconds(12));
        assertThat(backlog.delay()).isZero();
        assertThatCode(this::admit).doesNotThrowAnyException();
        window(25, Duration.ofSeconds(12));
        assertThat(backlog.delay()).as("two windows after the last re-match result")
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(catchThrowableOfType(ApiException.class, this::admit)).isNotNull();
    }

    @Test
    void aTargetOfZeroNeverRefuses() {
        MatchingBacklog never = new MatchingBacklog(clock, new SaveAdmissionProperties(Duration.ZERO, null, null),
                new SimpleMeterRegistry());
        for (int i = 0; i < 25; i++) {
            never.savedResultsStored(Duration.ofMinutes(5));
        }
        clock.shift(Duration.ofSeconds(2));
        assertThatCode(() -> never.admitSave(0.0)).doesNotThrowAnyException();
    }

    private void admit() {
        backlog.admitSave(draw);
    }

    /** {@code results} saves' results, each {@code delay} after its save, then the window ends. */
    private void window(int results, Duration delay) {
        for (int i = 0; i < results; i++) {
            backlog.savedResultsStored(delay.plusMillis(i * 10L));
        }
        clock.shift(Duration.ofSeconds(2));
    }

    /** Stands still until moved. */
    private static final class StoppedClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void shift(Duration amount) {
            now = now.plus(amount);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
