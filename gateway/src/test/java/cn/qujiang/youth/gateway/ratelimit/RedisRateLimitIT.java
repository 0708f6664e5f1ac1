package cn.qujiang.youth.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.gateway.GatewayClient;
import cn.qujiang.youth.gateway.Stubs;
import cn.qujiang.youth.infra.Ports;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

/**
 * With {@code qujiang.rate-limit.redis=true} the buckets live in Redis. No Redis runs in the tests, so this checks
 * the wiring and the promise that matters most: Redis being down does not take the API (or the health) down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qujiang.rate-limit.redis=true", "spring.data.redis.connect-timeout=500ms"})
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class RedisRateLimitIT {
    private static final WireMockServer POLICY = Stubs.service("policy");

    private final int port;
    private final RateLimits limits;

    RedisRateLimitIT(@LocalServerPort int port, RateLimits limits) {
        this.port = port;
        this.limits = limits;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("qujiang.routes.policy", POLICY::baseUrl);
        registry.add("spring.data.redis.port", Ports::free);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://127.0.0.1:" + Ports.free() + "/realms/qujiang");
    }

    @AfterAll
    static void stopStub() {
        POLICY.stop();
    }

    @Test
    void usesRedisAndLetsRequestsThroughWhileRedisIsDown() {
        GatewayClient gateway = new GatewayClient(port);

        assertThat(limits).isInstanceOf(RedisRateLimits.class);
        assertThat(gateway.get("/api/policy/measures", null).statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }
}
