package cn.qujiang.youth.kit.messaging;

import java.time.Duration;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long a record that fails is retried before its dead-letter topic takes it: a few quick attempts for a failure
 * of its own, up to half an hour for a peer that is unavailable (the listener then waits on that partition, as the
 * other records on it would fail the same way).
 */
final class RetryPolicy {
    static final Duration PEER_PATIENCE = Duration.ofMinutes(30);

    private final BackOff own;
    private final BackOff peer;

    RetryPolicy(int attempts) {
        ExponentialBackOff quick = new ExponentialBackOff(500, 2.0);
        quick.setMaxInterval(5000);
        quick.setMaxAttempts(attempts);
        this.own = quick;
        ExponentialBackOff patient = new ExponentialBackOff(1000, 2.0);
        patient.setMaxInterval(30_000);
        patient.setMaxElapsedTime(PEER_PATIENCE.toMillis());
        this.peer = patient;
    }

    BackOff standard() {
        return own;
    }

    /** The back-off for this failure: the patient one when a peer was unavailable, anywhere in its causes. */
    BackOff forFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PeerUnavailableException) {
                return peer;
            }
        }
        return own;
    }
}
