package cn.qujiang.youth.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Proof-document uploads under load: starts the whole local stack ({@link HarnessStack}), signs up a few residents,
 * then sends rounds of {@code -Ddocbench.concurrent} (50) simultaneous {@code -Ddocbench.megabytes} (5) MB PDF
 * uploads through the gateway, as the mobile app sends them (multipart, the resident's token). Prints, per round and
 * in total, the answers by status, uploads a second and MB a second, the latency percentiles, and the peak heap of
 * talent-service ({@code jstat -gc} every 100 ms) against its idle heap: what streaming uploads to disk and sealing
 * them segment by segment keeps flat. Meanwhile {@code -Ddocbench.readers} (4) residents read their match status in a
 * loop, to show whether ordinary requests still get a place while the uploads run.
 * A main class, not a test: {@code mvn -B -o -pl load-harness exec:java -Dexec.mainClass=cn.qujiang.youth.load.DocumentUploadBenchMain}.
 */
public final class DocumentUploadBenchMain {
    private static final int CONCURRENT = Integer.getInteger("docbench.concurrent", 50);
    private static final int MEGABYTES = Integer.getInteger("docbench.megabytes", 5);
    private static final int ROUNDS = Integer.getInteger("docbench.rounds", 3);
    private static final int RESIDENTS = Integer.getInteger("docbench.residents", 10);
    /** Residents asking "are my results current?" in a loop while the uploads run: do ordinary requests get in? */
    private static final int READERS = Integer.getInteger("docbench.readers", 4);

    private DocumentUploadBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("docbench: %d rounds of %d concurrent %d MB uploads, %d residents; %d cores, Java %s, load %s%n",
                ROUNDS, CONCURRENT, MEGABYTES, RESIDENTS, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), GatewayBenchMain.loadAverage());
        HarnessStack.runAndExit("docbench", Options.givenRepoDir(),
                stack -> stack.withGatewayArguments(GatewayBench.LIMITS_OUT_OF_REACH), stack -> {
                    try (Gateway gateway = new Gateway(stack.gatewayUrl(), 8)) {
                        List<Resident> residents = Residents.signUp(RESIDENTS, stack.keycloak(), gateway);
                        run(stack.gatewayUrl(), residents);
                    }
                });
    }

    private static void run(String gatewayUrl, List<Resident> residents) throws InterruptedException {
        byte[] pdf = pdf(MEGABYTES * 1024 * 1024);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8, Gateway.daemon("docbench-http")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HeapSampler heap = new HeapSampler();
        heap.start();
        long idle = heap.sampleNow();
        System.out.printf("docbench: talent-service heap used before: %d MB%n", idle >> 20);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        long begin = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            long roundBegin = System.nanoTime();
            List<CompletableFuture<long[]>> pending = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                Resident resident = residents.get(i % residents.size());
                pending.add(upload(client, gatewayUrl, resident, pdf));
            }
            Readers readers = new Readers(client, gatewayUrl, residents);
            Map<Integer, Integer> roundStatuses = new TreeMap<>();
            for (CompletableFuture<long[]> answer : pending) {
                long[] result = answer.join();
                roundStatuses.merge((int) result[0], 1, Integer::sum);
                statuses.merge((int) result[0], 1, Integer::sum);
                latencies.add(result[1]);
            }
            readers.stop();
            double seconds = (System.nanoTime() - roundBegin) / 1e9;
            System.out.printf("docbench: round %d: %s in %.1f s = %.2f uploads/s, %.1f MB/s; heap peak so far %d MB; "
                    + "match status reads meanwhile: %s, p95 %.2f s%n", round, roundStatuses, seconds,
                    CONCURRENT / seconds, CONCURRENT * MEGABYTES / seconds, heap.peak() >> 20, readers.statuses,
                    readers.p95());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        heap.stop();
        latencies.sort(Long::compare);
        int total = ROUNDS * CONCURRENT;
        System.out.println();
        System.out.println("| uploads | answers | seconds | uploads/s | MB/s | p50 s | p95 s | max s | heap idle MB | heap peak MB |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %d × %d MB | %s | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", total, MEGABYTES,
                statuses, seconds, total / seconds, total * MEGABYTES / seconds, percentile(latencies, 50),
                percentile(latencies, 95), latencies.get(latencies.size() - 1) / 1e9, idle >> 20, heap.peak() >> 20);
    }

    /** {status, nanoseconds}; a connection failure counts as status 0. */
    private static CompletableFuture<long[]> upload(HttpClient client, String gatewayUrl, Resident resident,
            byte[] pdf) {
        String boundary = "----docbench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"requirement\"\r\n\r\n"
                + "tenancy-agreement\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"contract.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/talent/me/documents"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + resident.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> new long[] {error == null ? response.statusCode() : 0,
                        System.nanoTime() - start});
    }

    /**
     * A valid PDF of about {@code size} bytes: one page and an image stream of random (incompressible) bytes, as a
     * scanned contract is. Seeded, so every run sends the same file.
     */
    static byte[] pdf(int size) {
        byte[] noise = new byte[Math.max(0, size - 600)];
        new Random(42).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        List<Integer> offsets = new ArrayList<>();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets.add(out.size());
        out.writeBytes("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets.add(out.size());
        out.writeBytes("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        offsets.add(out.size());
        out.writeBytes("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        offsets.add(out.size());
        out.writeBytes(("4 0 obj\n<< /Length " + noise.length + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(noise);
        out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(table.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** {@code READERS} loops of GET /api/talent/me/matches/status until stopped: statuses and latencies. */
    private static final class Readers {
        private static final java.util.regex.Pattern PROBLEM_CODE = java.util.regex.Pattern.compile("\"code\":\"([A-Z_]+)\"");

        /** By status, with the problem's code for a refusal ("503 OVERLOADED"). */
        final Map<String, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Readers(HttpClient client, String gatewayUrl, List<Resident> residents) {
            for (int i = 0; i < READERS; i++) {
                Resident resident = residents.get(i % residents.size());
                Thread thread = Gateway.daemon("docbench-reader").newThread(() -> {
                    while (running.get()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl
                                + "/api/talent/me/matches/status")).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + resident.token()).GET().build();
                        long start = System.nanoTime();
                        String status;
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            java.util.regex.Matcher code = PROBLEM_CODE.matcher(response.body());
                            status = response.statusCode() + (response.statusCode() >= 400 && code.find()
                                    ? " " + code.group(1) : "");
                        } catch (java.io.IOException e) {
                            status = "0";
                        } catch (InterruptedException e) {
                            return;
                        }
                        statuses.merge(status, 1, Integer::sum);
                        latencies.add(System.nanoTime() - start);
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(35_000);
            }
        }

        double p95() {
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(Long::compare);
            return sorted.isEmpty() ? 0 : percentile(sorted, 95);
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e9;
    }

    /**
     * talent-service's heap in use (survivor, eden and old generation used, KB), from {@code jstat -gc <pid> 100}:
     * one JDK tool process printing a line every 100 ms, not one process per sample. The service's pid is found
     * among this process's descendants, as {@link ProcessMemory} finds the stack's processes.
     */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private Process jstat;

        void start() {
            long pid = ProcessMemory.stackProcesses().getOrDefault("talent-service", List.of(-1L)).get(0);
            try {
                jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                System.out.println("docbench: jstat not available, no heap figures: " + e.getMessage());
                return;
            }
            Thread reader = Gateway.daemon("docbench-heap").newThread(this::read);
            reader.start();
        }

        private void read() {
            try (java.io.BufferedReader lines = jstat.inputReader()) {
                List<String> header = List.of();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    List<String> cells = List.of(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                    } else if (header.size() == cells.size()) {
                        long used = 0;
                        for (String pool : List.of("S0U", "S1U", "EU", "OU")) {
                            used += (long) (Double.parseDouble(cells.get(header.indexOf(pool))) * 1024);
                        }
                        last.set(used);
                        peak.accumulateAndGet(used, Math::max);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.out.println("docbench: heap sampling ended: " + e.getMessage());
            }
        }

        /** The latest sample, waiting up to a second for the first one. */
        long sampleNow() throws InterruptedException {
            for (int i = 0; i < 20 && last.get() == 0; i++) {
                Thread.sleep(50);
            }
            return last.get();
        }

        void stop() {
            if (jstat != null) {
                jstat.destroy();
            }
        }

        long peak() {
            return peak.get();
        }
    }
}
