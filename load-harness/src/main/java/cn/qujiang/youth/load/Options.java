package cn.qujiang.youth.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one run does, read from {@code -Dload.*} system properties so that the same words work with
 * {@code mvn exec:java} and {@code java -jar}.
 */
record Options(Path repoDir, int residents, List<Integer> rates, Duration stage, Polling polling,
        Duration giveUp, int httpThreads, Duration idle, Optional<Path> timeline, boolean devStoreInMemory) {

    static Options fromSystemProperties() {
        return new Options(givenRepoDir(),
                Integer.getInteger("load.residents", 200),
                Arrays.stream(System.getProperty("load.rates", "10,25,50,75,100").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Duration.ofSeconds(Integer.getInteger("load.stage-seconds", 120)),
                new Polling(Duration.ofMillis(Integer.getInteger("load.poll-ms", 500)),
                        Integer.getInteger("load.status-wait-seconds", 20)),
                Duration.ofSeconds(Integer.getInteger("load.give-up-seconds", 60)),
                Integer.getInteger("load.http-threads", 8),
                Duration.ofSeconds(Integer.getInteger("load.idle-seconds", 0)),
                Optional.ofNullable(System.getProperty("load.timeline")).map(Path::of),
                memoryStoreGiven());
    }

    /** {@code file} (as {@code ./run.sh} keeps it) or {@code memory}. */
    private static boolean memoryStoreGiven() {
        String store = System.getProperty("load.dev-store", "file");
        if (!store.equals("file") && !store.equals("memory")) {
            throw new IllegalArgumentException("load.dev-store is file or memory, not " + store);
        }
        return store.equals("memory");
    }

    /** exec:java passes the reactor root; with java -jar the harness is run from the repository root or its module. */
    static Path givenRepoDir() {
        String given = System.getProperty("qujiang.repo-dir");
        Path here = Path.of(given != null ? given : "").toAbsolutePath().normalize();
        return Files.isDirectory(here.resolve("local-stack")) ? here : here.getParent();
    }
}
