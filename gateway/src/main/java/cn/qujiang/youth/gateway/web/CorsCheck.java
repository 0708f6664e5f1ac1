package cn.qujiang.youth.gateway.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured browser origins, answered by the gateway alone (services never see a preflight).
 * Unlike Spring's CorsWebFilter, a rejected cross-origin request gets a 403 problem body, like every other error.
 * Bearer tokens, not cookies: credentials are not allowed, so a wildcard could never leak a session.
 */
public class CorsCheck implements WebFilter {
    private final CorsConfiguration configuration = new CorsConfiguration();
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final Problems problems;

    public CorsCheck(CorsProperties properties, Problems problems) {
        this.problems = problems;
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
                Correlation.HEADER, "tracestate"));
        // Content-Disposition: the app names a downloaded export as the service does.
        configuration.setExposedHeaders(List.of(Correlation.HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean allowed;
        try {
            if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            allowed = processor.process(configuration, exchange);
        } catch (IllegalArgumentException malformedOrigin) {
            // an Origin that is not a URL (Spring's parser throws): no page of ours sent it
            allowed = false;
        }
        if (!allowed) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "CORS_REJECTED");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
