package cn.qujiang.youth.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What one stage of the schedule saw, filled in concurrently by its updates. */
final class Stage {
    final int rate;
    final long seconds;
    final LongAdder started = new LongAdder();
    final LongAdder current = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAdder putRefused = new LongAdder();
    final LongAdder gaveUp = new LongAdder();
    private final Map<String, LongAdder> putAnswers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> pollAnswers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> putMs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> putToCurrentMs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    /**
     * How one update ended, by the wall-clock moment it started.
     *
     * @param how          {@code current}, {@code gave up}, {@code stale}, {@code refused <status>} or a failure
     * @param storedMillis from the PUT to the moment talent-service took the results ({@code storedAt}), whatever
     *                     the poll interval; -1 when not current or the status did not say
     */
    record Outcome(long startedAtMillis, String how, long storedMillis) {
    }

    Stage(int rate, long seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    void putAnswered(String status, long millis) {
        putMs.add(millis);
        putAnswered(status);
    }

    void putAnswered(String status) {
        putAnswers.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    void pollAnswered(String status) {
        pollAnswers.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    /** @param millis from the PUT to the poll that showed the saved version evaluated */
    void resultsCurrent(long millis) {
        putToCurrentMs.add(millis);
        current.increment();
    }

    void ended(Outcome outcome) {
        outcomes.add(outcome);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    Map<String, Long> putAnswers() {
        return sorted(putAnswers);
    }

    Map<String, Long> pollAnswers() {
        return sorted(pollAnswers);
    }

    List<Long> putMs() {
        return sorted(putMs);
    }

    List<Long> putToCurrentMs() {
        return sorted(putToCurrentMs);
    }

    /** From the PUT to the results being stored, of the updates whose status said when. */
    List<Long> putToStoredMs() {
        return outcomes.stream().map(Outcome::storedMillis).filter(millis -> millis >= 0).sorted().toList();
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        return sorted;
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((status, count) -> sorted.put(status, count.sum()));
        return sorted;
    }
}
