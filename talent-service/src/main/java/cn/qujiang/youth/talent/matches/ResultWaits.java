package cn.qujiang.youth.talent.matches;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Status requests waiting for an applicant's results of a profile version: each is told when this instance takes
 * results of that version or a later one ({@link MatchesApplied}). Results another instance takes are not seen here;
 * such a request answers when its wait ends, as it would have without waiting. Nothing is kept but the waiting
 * requests themselves, each gone when it was answered. Answers (reading the status) are given on the application's
 * task executor, not on the match listener's thread, which goes on to the next event.
 */
@Component
class ResultWaits {
    private final Map<String, Set<Waiting>> byApplicant = new ConcurrentHashMap<>();
    private final Executor answers;

    ResultWaits(MeterRegistry meters, @Qualifier("applicationTaskExecutor") Executor answers) {
        this.answers = answers;
        Gauge.builder("talent.matches.status.waiting", this, ResultWaits::waiting)
                .description("status requests waiting for an applicant's results").register(meters);
    }

    /** One waiting request: {@code answer} is called at most once by this class. */
    record Waiting(long version, Runnable answer) {
    }

    /** Starts waiting; the caller removes it once answered, whoever answered it. */
    Waiting await(String applicantId, long version, Runnable answer) {
        Waiting waiting = new Waiting(version, answer);
        byApplicant.compute(applicantId, (id, waits) -> {
            Set<Waiting> next = waits == null ? ConcurrentHashMap.newKeySet() : waits;
            next.add(waiting);
            return next;
        });
        return waiting;
    }

    void remove(String applicantId, Waiting waiting) {
        byApplicant.computeIfPresent(applicantId, (id, waits) -> {
            waits.remove(waiting);
            return waits.isEmpty() ? null : waits;
        });
    }

    /** How many requests wait now. */
    int waiting() {
        return byApplicant.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void on(MatchesApplied applied) {
        Set<Waiting> waits = byApplicant.get(applied.event().applicantId());
        if (waits == null) {
            return;
        }
        long version = applied.event().profileVersion();
        for (Waiting waiting : waits) {
            if (waiting.version() <= version && waits.remove(waiting)) {
                answers.execute(waiting.answer());
            }
        }
    }
}
