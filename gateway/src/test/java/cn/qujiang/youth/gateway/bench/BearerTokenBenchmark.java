package cn.qujiang.youth.gateway.bench;

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reading the bearer token of one signed-in request, Spring Security's converter against the gateway's
 * ({@code security.BearerTokens}), both on an exchange behind Spring Security's firewall as in the filter chain, with
 * a token of the realm's size (1.3 KB). A main, not a test: prints microseconds per call after a warm-up, so the
 * difference can be seen apart from the machine's noise. Run: {@code mvn -o -pl gateway -Pbench test-compile
 * exec:exec -Dbench.main=cn.qujiang.youth.gateway.bench.BearerTokenBenchmark}.
 */
public final class BearerTokenBenchmark {
    private BearerTokenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] random = new byte[960];
        ThreadLocalRandom.current().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random).replaceFirst("(.{36})", "$1.")
                .replaceFirst("(.{700})", "$1.");
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        Function<Integer, ServerWebExchange> exchanges = i -> firewall.getFirewalledExchange(MockServerWebExchange
                .from(MockServerHttpRequest.get("/api/talent/me/matches/status")
                        .header("Authorization", "Bearer " + token))).block();
        ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        Class<?> type = Class.forName("cn.qujiang.youth.gateway.security.BearerTokens");
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        ServerAuthenticationConverter gateway = (ServerAuthenticationConverter) constructor.newInstance();
        ServerWebExchange[] prepared = new ServerWebExchange[1024];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = exchanges.apply(i);
        }
        for (int round = 1; round <= 5; round++) {
            System.out.printf("round %d: Spring Security's converter %.2f µs, BearerTokens %.2f µs per token read%n",
                    round, perCall(spring, prepared), perCall(gateway, prepared));
        }
    }

    private static double perCall(ServerAuthenticationConverter converter, ServerWebExchange[] exchanges) {
        int calls = 400_000;
        long length = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            Authentication authentication = converter.convert(exchanges[i & (exchanges.length - 1)]).block();
            length += authentication.getCredentials().toString().length();
        }
        long nanos = System.nanoTime() - start;
        if (length == 0) {
            throw new IllegalStateException("no token read");
        }
        return nanos / 1e3 / calls;
    }
}
