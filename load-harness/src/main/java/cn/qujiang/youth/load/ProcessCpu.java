package cn.qujiang.youth.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time so far of this JVM (which hosts the MongoDB-wire server, the load's HTTP client and the app's web
 * server) and of each process of the stack, by name, from {@code /proc}: the difference of two snapshots is what a
 * stage cost each process, which on a machine shared with others says more than the stage's latencies.
 */
final class ProcessCpu {
    static final String HARNESS = "harness JVM";

    private ProcessCpu() {
    }

    /**
     * @param processes name → nanoseconds of CPU (user + system); a process whose /proc entry cannot be read is left out
     * @param threads   the same split by kind of thread ({@link ThreadCpu})
     */
    record Snapshot(Map<String, Long> processes, Map<String, Map<String, Long>> threads) {
    }

    static Snapshot snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        add(cpu, HARNESS, List.of(ProcessHandle.current().pid()));
        ProcessMemory.stackProcesses().forEach((name, pids) -> add(cpu, name, pids));
        return new Snapshot(cpu, ThreadCpu.snapshot());
    }

    private static void add(Map<String, Long> cpu, String name, List<Long> pids) {
        long nanos = CpuTime.nanos(pids);
        if (nanos >= 0) {
            cpu.put(name, nanos);
        }
    }
}
