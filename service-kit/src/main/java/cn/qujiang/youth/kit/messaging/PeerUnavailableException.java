package cn.qujiang.youth.kit.messaging;

/**
 * Handling an event needs an answer from another service (or the identity provider) that cannot give one now: it is
 * down, overloaded or unreachable. Such a record is retried for a long while instead of going to its dead-letter
 * topic after a few attempts, because waiting loses nothing and a dead letter would lose the event (RetryPolicy).
 */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
