package cn.qujiang.youth.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file, and which is stopped with its whole process tree: TERM first,
 * KILL when it does not exit in time, so that no Java or Keycloak process outlives the stack.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new InfraException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * JVM options that let the JIT compile in the machine's spare time: its compiler threads run at nice 10, so when
     * the processes of the stack want more CPU than there is, requests are served before methods are compiled.
     * Measured on two cores (load-harness README, run S): right after start-up the JIT still used 200-500 ms of CPU
     * a second at 50 saves/s, and at normal priority its bursts were what queued saves for seconds. Policy 1 also
     * raises the JVM's GC and VM threads a little (root only; others keep their priority, silently).
     */
    public static final List<String> JIT_IN_SPARE_TIME = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:CompilerThreadPriority=10");

    /** The java executable of the running JVM, so children run on the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    /** SIGKILL without a chance to clean up: used by fault-injection tests. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!waitFor(Duration.ofSeconds(20))) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
        }
        tree.forEach(handle -> handle.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join());
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
