package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.talent.matches.MatchStatusController.MatchStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Status requests waiting for an applicant's results of a profile version: each is told when this instance takes
 * results of that version or a later one ({@link MatchesApplied}), with the status as the match listener has just
 * read and written it (the profile's version, what was stored), so the answer reads nothing again. Results another
 * instance takes are not seen here; such a request answers when its wait ends, as it would have without waiting.
 * Nothing is kept but the waiting requests themselves, each gone when it was answered. Answering only hands the
 * status to the waiting request (Tomcat writes it on one of its own threads), so it happens on the listener's thread.
 */
@Component
class ResultWaits {
    private final Map<String, Set<Waiting>> byApplicant = new ConcurrentHashMap<>();

    ResultWaits(MeterRegistry meters) {
        Gauge.builder("talent.matches.status.waiting", this, ResultWaits::waiting)
                .description("status requests waiting for an applicant's results").register(meters);
    }

    /** One waiting request: {@code answer} is called at most once by this class. */
    record Waiting(long version, Consumer<MatchStatus> answer) {
    }

    /** Starts waiting; the caller removes it once answered, whoever answered it. */
    Waiting await(String applicantId, long version, Consumer<MatchStatus> answer) {
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
        MatchStatus status = MatchStatus.of(OptionalLong.of(applied.profileVersion()), Optional.of(applied.stored()));
        for (Waiting waiting : waits) {
            if (waiting.version() <= version && waits.remove(waiting)) {
                waiting.answer().accept(status);
            }
        }
    }
}
