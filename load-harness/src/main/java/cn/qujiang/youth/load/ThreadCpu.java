package cn.qujiang.youth.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * CPU time of each process split by what its threads do, from {@code /proc/<pid>/task/<tid>/stat}: the JIT's
 * compiler threads, the garbage collector, in this JVM the MongoDB-wire dev database and the load generator, and in
 * the stack's processes each pool of threads by its name (numbers left out: {@code http-nio-8081-exec-3} counts as
 * {@code http-nio-exec}). A stage's CPU per update otherwise mixes the product's own work with the JIT still compiling
 * (which fades as the stack warms) and, in this JVM, with a database and a client a real deployment would not run on
 * the same two cores; by pool it shows which part of a service — request threads, a listener, a relay, a poller —
 * spends it. Threads that end between two snapshots take their CPU with them; the split is for reading the
 * process totals of {@link ProcessCpu}, not for replacing them.
 */
final class ThreadCpu {
    static final String JIT = "JIT";
    static final String GC = "GC";
    static final String DEV_DATABASE = "dev database";
    static final String LOAD_GENERATOR = "load generator";
    static final String OTHER = "other";
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {
    }

    /** Process name (as {@link ProcessCpu}) → kind of thread → nanoseconds of CPU (user + system). */
    static Map<String, Map<String, Long>> snapshot() {
        return snapshot(ThreadCpu::harnessKind, ThreadCpu::stackKind);
    }

    /**
     * The same with every process, this JVM too, split by pool ({@link #poolKind}): the dev database's request
     * workers apart from its file store's writer, the load generator's client apart from its timers.
     */
    static Map<String, Map<String, Long>> snapshotByPool() {
        return snapshot(ThreadCpu::poolKind, ThreadCpu::poolKind);
    }

    private static Map<String, Map<String, Long>> snapshot(UnaryOperator<String> harness, UnaryOperator<String> stack) {
        Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();
        add(cpu, ProcessCpu.HARNESS, List.of(ProcessHandle.current().pid()), harness);
        ProcessMemory.stackProcesses().forEach((name, pids) -> add(cpu, name, pids, stack));
        return cpu;
    }

    /** A thread of the harness JVM by its name as the kernel keeps it (the first 15 characters). */
    static String harnessKind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return GC;
        }
        // mongo-java-server's Netty workers, and the H2 store behind it.
        if (threadName.startsWith("mongo-server") || threadName.startsWith("H2-") || threadName.startsWith("MVStore")) {
            return DEV_DATABASE;
        }
        // The JDK HttpClient's selector ("HttpClient-<n>-SelectorManager") and the harness's own pools.
        if (threadName.startsWith("HttpClient-") || threadName.startsWith("load-")) {
            return LOAD_GENERATOR;
        }
        return OTHER;
    }

    /** A thread of a stack process: JIT, GC, or its pool's name without the numbers. */
    static String stackKind(String threadName) {
        String kind = harnessKind(threadName);
        if (!kind.equals(OTHER)) {
            return kind.equals(JIT) || kind.equals(GC) ? kind : OTHER;
        }
        return poolKind(threadName);
    }

    /** JIT, GC, or the thread's pool: its name without the numbers. */
    static String poolKind(String threadName) {
        String kind = harnessKind(threadName);
        if (kind.equals(JIT) || kind.equals(GC)) {
            return kind;
        }
        String pool = threadName.replaceAll("[0-9]+", "").replaceAll("[-_#.]+", "-").replaceAll("^-|-$", "");
        return pool.isEmpty() ? OTHER : pool;
    }

    private static void add(Map<String, Map<String, Long>> cpu, String name, List<Long> pids,
            UnaryOperator<String> kind) {
        Map<String, Long> kinds = cpu.computeIfAbsent(name, key -> new LinkedHashMap<>());
        for (long pid : pids) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks) {
                    addThread(kinds, task.resolve("stat"), kind);
                }
            } catch (IOException | RuntimeException e) {
                // Gone meanwhile, or no /proc: nothing of this process is split.
            }
        }
    }

    private static void addThread(Map<String, Long> kinds, Path stat, UnaryOperator<String> kind) {
        try {
            String line = Files.readString(stat);
            String threadName = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            kinds.merge(kind.apply(threadName), ticks * NANOS_PER_TICK, Long::sum);
        } catch (IOException | RuntimeException e) {
            // The thread ended between listing and reading.
        }
    }
}
