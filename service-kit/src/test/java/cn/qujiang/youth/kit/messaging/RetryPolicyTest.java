package cn.qujiang.youth.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(4);

    @Test
    void aRecordThatFailsOnItsOwnGoesToItsDeadLetterTopicAfterAFewQuickAttempts() {
        long waited = totalWait(policy.forFailure(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("a bug"))));

        assertThat(waited).isLessThan(10_000);
    }

    @Test
    void aRecordWaitingForAnUnavailablePeerIsKeptForHalfAnHourBeforeItIsGivenUp() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new PeerUnavailableException("talent-service did not answer", new ConnectException("refused")));

        long waited = totalWait(policy.forFailure(failure));

        assertThat(waited).isGreaterThanOrEqualTo(RetryPolicy.PEER_PATIENCE.toMillis() - 30_000);
    }

    private static long totalWait(BackOff backOff) {
        BackOffExecution execution = backOff.start();
        long total = 0;
        for (long next = execution.nextBackOff(); next != BackOffExecution.STOP; next = execution.nextBackOff()) {
            total += next;
        }
        return total;
    }
}
