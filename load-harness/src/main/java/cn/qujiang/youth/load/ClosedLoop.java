package cn.qujiang.youth.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A closed-loop HTTP/1.1 load generator: {@code connections} keep-alive connections on one NIO selector thread,
 * each sending the same request again as soon as the previous answer has been read in full. One thread and no
 * per-request objects beyond a buffer, so that the generator costs a few microseconds of CPU per request (it reports
 * its own CPU) and does not itself become the bottleneck the way a thread per connection with the JDK HttpClient
 * would on two cores. Not a general client: it reads answers framed by Content-Length or chunked encoding only.
 */
final class ClosedLoop {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Answers still in flight when the time is up get this long to arrive (they are not counted either way). */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /** What one run saw; latencies in nanoseconds, sorted. */
    record Result(long answered, Map<Integer, Long> statuses, long failures, double seconds, long[] latencies,
            long clientCpuNanos) {

        double perSecond() {
            return answered / seconds;
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMillis(double percent) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100 * latencies.length);
            return latencies[Math.max(0, rank - 1)] / 1e6;
        }

        /** Answers other than 2xx/304, and transport failures; a run with any is suspect. */
        long unexpected() {
            return failures + statuses.entrySet().stream()
                    .filter(e -> !(e.getKey() / 100 == 2 || e.getKey() == 304)).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private ClosedLoop() {
    }

    /** Sends {@code request} over {@code connections} connections for {@code length}, on the calling thread. */
    static Result run(InetSocketAddress target, byte[] request, int connections, Duration length) throws IOException {
        return run(target, request, connections, length, 0);
    }

    /**
     * One connection sending {@code perSecond} requests a second, evenly spaced (the next one as soon as the answer
     * is in when an answer takes longer than the spacing): requests that arrive one by one with idle time between
     * them, as the app's saves and polls reach the gateway, instead of back to back.
     */
    static Result paced(InetSocketAddress target, byte[] request, int perSecond, Duration length) throws IOException {
        return run(target, request, 1, length, 1_000_000_000L / perSecond);
    }

    private static Result run(InetSocketAddress target, byte[] request, int connections, Duration length,
            long spacingNanos) throws IOException {
        try (Selector selector = Selector.open()) {
            Tally tally = new Tally();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            List<Connection> all = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Connection connection = new Connection(selector, target, request, tally, spacingNanos);
                connection.send();
                all.add(connection);
            }
            long start = System.nanoTime();
            long deadline = start + length.toNanos();
            long drainDeadline = deadline + DRAIN.toNanos();
            while (System.nanoTime() < drainDeadline && !selector.keys().isEmpty()) {
                long now = System.nanoTime();
                long wait = 50;
                for (Connection connection : all) {
                    wait = Math.min(wait, connection.sendIfDue(now, now < deadline));
                }
                selector.select(Math.max(1, wait));
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).ready(key, now < deadline);
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            return new Result(tally.answered, tally.statuses, tally.failures, length.toNanos() / 1e9,
                    tally.sortedLatencies(), THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
    }

    /** Counters of one run, touched by the selector thread only. */
    private static final class Tally {
        long answered;
        long failures;
        final Map<Integer, Long> statuses = new TreeMap<>();
        private long[] latencies = new long[1 << 16];
        private int count;

        void answer(int status, long nanos, boolean inTime) {
            if (!inTime) {
                return;
            }
            answered++;
            statuses.merge(status, 1L, Long::sum);
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        long[] sortedLatencies() {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** One keep-alive connection: write the request, read one whole answer, repeat; reconnects after a failure. */
    private static final class Connection {
        private final Selector selector;
        private final InetSocketAddress target;
        private final ByteBuffer request;
        private final Tally tally;
        private SocketChannel channel;
        private SelectionKey key;
        private final long spacingNanos;
        private byte[] in = new byte[32 * 1024];
        private int filled;
        private long sentAt;
        /** When the next request is due (paced only), 0 while one is in flight or none is planned. */
        private long dueAt;

        Connection(Selector selector, InetSocketAddress target, byte[] request, Tally tally, long spacingNanos)
                throws IOException {
            this.selector = selector;
            this.target = target;
            this.request = ByteBuffer.wrap(request);
            this.tally = tally;
            this.spacingNanos = spacingNanos;
            connect();
        }

        /** Sends the planned request when due; the milliseconds until it is, or 50 when none is planned. */
        long sendIfDue(long now, boolean keepGoing) {
            if (dueAt == 0) {
                return 50;
            }
            if (!keepGoing) {
                dueAt = 0;
                key.cancel();
                closeQuietly();
                return 50;
            }
            if (now >= dueAt) {
                dueAt = 0;
                send();
                return 50;
            }
            return (dueAt - now) / 1_000_000;
        }

        private void next() {
            if (spacingNanos == 0) {
                send();
            } else {
                dueAt = Math.max(System.nanoTime(), sentAt + spacingNanos);
            }
        }

        private void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                tally.failures++;
            }
        }

        private void connect() throws IOException {
            // A blocking connect on loopback is immediate; only reads and writes go through the selector.
            channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send() {
            request.rewind();
            filled = 0;
            sentAt = System.nanoTime();
            key.interestOps(SelectionKey.OP_WRITE);
        }

        void ready(SelectionKey ready, boolean keepGoing) {
            try {
                if (ready.isValid() && ready.isWritable()) {
                    channel.write(request);
                    if (!request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (ready.isValid() && ready.isReadable()) {
                    read(keepGoing);
                }
            } catch (IOException e) {
                tally.failures++;
                reconnect(keepGoing);
            }
        }

        private void read(boolean keepGoing) throws IOException {
            if (filled == in.length) {
                in = Arrays.copyOf(in, in.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(in, filled, in.length - filled));
            if (read < 0) {
                throw new IOException("closed by the server");
            }
            filled += read;
            long answer = HttpAnswers.complete(in, filled);
            if (answer < 0) {
                return;
            }
            long now = System.nanoTime();
            tally.answer(HttpAnswers.status(answer), now - sentAt, keepGoing);
            if (HttpAnswers.length(answer) != filled) {
                throw new IOException("more bytes than one answer: not a request-response exchange");
            }
            if (HttpAnswers.closes(answer)) {
                // Not a failure: the next request goes on a new connection, as any client's would.
                reconnect(keepGoing);
            } else if (keepGoing) {
                next();
            } else {
                key.cancel();
                channel.close();
            }
        }

        private void reconnect(boolean keepGoing) {
            try {
                key.cancel();
                channel.close();
                if (keepGoing) {
                    connect();
                    next();
                }
            } catch (IOException e) {
                tally.failures++;
            }
        }
    }
}
