package cn.qujiang.youth.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Second by second: the saves started in that second and how long their results took, the machine's idle time, and
 * every process's CPU by pool of threads ({@link ThreadCpu#snapshotByPool}). A stage's p95 can come from one episode of a few dozen
 * seconds; the per-stage split averages it away, this shows what ran (or what did not) while it lasted. Written as
 * CSV ({@code -Dload.timeline=<file>}) after every stage; one wide row per second, the kinds of thread that used at
 * least {@value #SHOWN_PERMILLE}‰ of the run's CPU as columns, the others summed in {@code rest}.
 *
 * <p>Sampling reads each thread's {@code stat} of every process once a second from this JVM (no process is forked:
 * a shell sampler doing the same tipped a 50/s stage over); its own CPU is printed with the path.
 */
final class Timeline implements AutoCloseable {
    private static final int SHOWN_PERMILLE = 5;
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU used in the second starting at {@code epochSecond}: kind ("process:kind") → ms; idle of all cores in ms. */
    private record Second(long epochSecond, long idleMillis, Map<String, Long> cpuMillis) {
    }

    private final Path file;
    private final ConcurrentLinkedQueue<Second> seconds = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Gateway.daemon("timeline"));
    /** Set by the ticker, read by {@link #write} on the harness's main thread. */
    private volatile long samplerThread;
    private Map<String, Long> last;
    private long lastIdleTicks;
    private long lastSecond;

    private Timeline(Path file) {
        this.file = file;
    }

    /** Ticks on each full second from now on. */
    static Timeline start(Path file) {
        Timeline timeline = new Timeline(file);
        long toNextSecond = 1000 - System.currentTimeMillis() % 1000;
        timeline.ticker.scheduleAtFixedRate(timeline::tick, toNextSecond, 1000, TimeUnit.MILLISECONDS);
        return timeline;
    }

    private void tick() {
        if (samplerThread == 0) {
            samplerThread = Thread.currentThread().getId();
        }
        long second = Math.round(System.currentTimeMillis() / 1000.0);
        Map<String, Long> now = flat(ThreadCpu.snapshotByPool());
        long idleTicks = idleTicks();
        if (last != null) {
            Map<String, Long> used = new LinkedHashMap<>();
            now.forEach((kind, nanos) -> {
                long millis = (nanos - last.getOrDefault(kind, 0L)) / 1_000_000;
                if (millis > 0) {
                    used.put(kind, millis);
                }
            });
            seconds.add(new Second(lastSecond, (idleTicks - lastIdleTicks) * NANOS_PER_TICK / 1_000_000, used));
        }
        last = now;
        lastIdleTicks = idleTicks;
        lastSecond = second;
    }

    private static Map<String, Long> flat(Map<String, Map<String, Long>> byProcess) {
        Map<String, Long> flat = new LinkedHashMap<>();
        byProcess.forEach((process, kinds) -> kinds.forEach((kind, nanos) -> flat.put(process + ":" + kind, nanos)));
        return flat;
    }

    /** Idle and I/O-wait ticks of all cores together, from the first line of {@code /proc/stat}; 0 without it. */
    private static long idleTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            return Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Writes what was sampled so far beside the saves of the stages, one row per second. */
    void write(List<Stage> stages) {
        Map<Long, List<Stage.Outcome>> outcomes = new TreeMap<>();
        stages.forEach(stage -> stage.outcomes().forEach(outcome -> outcomes
                .computeIfAbsent(outcome.startedAtMillis() / 1000, key -> new ArrayList<>()).add(outcome)));
        List<Second> sampled = List.copyOf(seconds);
        List<String> shown = shownKinds(sampled);
        List<String> rows = new ArrayList<>();
        rows.add("time,saves started,current,refused,other,stored p50 ms,stored max ms,idle ms,"
                + String.join(",", shown) + ",rest");
        for (Second second : sampled) {
            List<Stage.Outcome> started = outcomes.getOrDefault(second.epochSecond(), List.of());
            List<Long> stored = started.stream().map(Stage.Outcome::storedMillis).filter(ms -> ms >= 0).sorted().toList();
            long current = started.stream().filter(o -> o.how().equals("current")).count();
            long refused = started.stream().filter(o -> o.how().startsWith("refused")).count();
            long rest = second.cpuMillis().entrySet().stream().filter(e -> !shown.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            rows.add("%s,%d,%d,%d,%d,%s,%s,%d,%s,%d".formatted(
                    java.time.Instant.ofEpochSecond(second.epochSecond()), started.size(), current, refused,
                    started.size() - current - refused,
                    stored.isEmpty() ? "" : stored.get(stored.size() / 2), stored.isEmpty() ? "" : stored.get(stored.size() - 1),
                    second.idleMillis(),
                    shown.stream().map(kind -> Long.toString(second.cpuMillis().getOrDefault(kind, 0L)))
                            .collect(Collectors.joining(",")), rest));
        }
        try {
            Files.write(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("load: timeline of %d s written to %s (its sampling used %d ms of CPU)%n", sampled.size(),
                file, samplerThread == 0 ? 0
                        : ManagementFactory.getThreadMXBean().getThreadCpuTime(samplerThread) / 1_000_000);
    }

    /** Kinds that used at least {@value #SHOWN_PERMILLE}‰ of all the CPU sampled, busiest first. */
    private static List<String> shownKinds(List<Second> sampled) {
        Map<String, Long> total = new LinkedHashMap<>();
        sampled.forEach(second -> second.cpuMillis().forEach((kind, millis) -> total.merge(kind, millis, Long::sum)));
        long all = total.values().stream().mapToLong(Long::longValue).sum();
        return total.entrySet().stream().filter(e -> e.getValue() * 1000 >= all * SHOWN_PERMILLE)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
