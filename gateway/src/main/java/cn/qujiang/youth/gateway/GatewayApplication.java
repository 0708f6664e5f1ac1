package cn.qujiang.youth.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.netty.ReactorNetty;

/** The suite's only public entry: routes, checks and limits every call before a service sees it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * reactor-netty starts at least four event-loop threads (the larger of the cores and 4), shared by the server and
     * the proxy client; on two cores the four only took turns: one per core cost 2–19 % less CPU per request in the
     * gateway benchmark (load-harness README). An explicit {@code -Dreactor.netty.ioWorkerCount} still wins.
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT,
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
