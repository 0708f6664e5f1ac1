package cn.qujiang.youth.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server): in memory for tests ({@link IdLookupMemoryBackend}),
 * or on an H2 file that keeps the data across restarts ({@link IdLookupH2Backend}). It has no multi-document
 * transactions, which the services never need.
 */
public final class MongoWireServer implements AutoCloseable {
    private final int port;
    private final Path file;
    private final CollectionScans scans = new CollectionScans();
    private MongoServer server;

    private MongoWireServer(int port, Path file) {
        this.port = port;
        this.file = file;
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(port, null);
    }

    public static MongoWireServer persistent(int port, Path file) {
        return new MongoWireServer(port, file);
    }

    public MongoWireServer start() {
        Ports.requireFree(port, "the MongoDB-wire server");
        server = new MongoServer(backend());
        server.bind("127.0.0.1", port);
        return this;
    }

    /** Connection string for one service's database. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Queries answered by reading a whole collection since the start, by {@code database.collection}. */
    public Map<String, Long> collectionScans() {
        return scans.snapshot();
    }

    @Override
    public void close() {
        if (server != null) {
            // shutdown (not a plain close) flushes the H2 file, or the last second of writes could be lost.
            server.shutdown();
        }
    }

    private MongoBackend backend() {
        if (file == null) {
            return new IdLookupMemoryBackend(scans);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new InfraException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        return new IdLookupH2Backend(file.toString(), scans);
    }
}
