package cn.qujiang.youth.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time (user + system) processes have used so far, from {@code /proc/<pid>/stat}, in 10 ms ticks (Linux's
 * USER_HZ of 100). Over a measured phase of many seconds it tells what each request cost a process, which shares of
 * two busy cores hardly change, unlike its throughput. -1 where /proc cannot be read.
 */
final class CpuTime {
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    static long nanos(Collection<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // Fields after the command name (which may hold spaces, hence the last ')'): state is the 3rd field.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }
}
