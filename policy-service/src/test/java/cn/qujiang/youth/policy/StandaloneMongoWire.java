package cn.qujiang.youth.policy;

import cn.qujiang.youth.infra.MongoWireServer;

/**
 * infra-kit's in-memory MongoDB-wire server in a JVM of its own, for the benchmark: as in any deployment, the
 * database then does not share the service's heap and garbage collector. Runs until the benchmark stops it.
 */
public final class StandaloneMongoWire {

    private StandaloneMongoWire() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoWireServer server = MongoWireServer.inMemory(Integer.parseInt(args[0])).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongo-wire-stop"));
        Thread.currentThread().join();
    }
}
