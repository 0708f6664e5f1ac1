package cn.qujiang.youth.gateway.security;

import cn.qujiang.youth.gateway.ratelimit.RateLimitFilter;
import cn.qujiang.youth.gateway.routing.UnroutablePaths;
import cn.qujiang.youth.gateway.web.BodySizeLimit;
import cn.qujiang.youth.gateway.web.CorsCheck;
import cn.qujiang.youth.gateway.web.CorsProperties;
import cn.qujiang.youth.gateway.web.Problems;
import cn.qujiang.youth.gateway.web.WebProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's one security filter chain. In order: security headers, CORS, 404 for never-routed paths, body
 * limit, bearer token (Keycloak JWT: signature, expiry, issuer, audience), rate limit per caller, role rules.
 * The role rules are coarse on purpose: they keep obviously unauthorised calls away from the services, which
 * re-validate the forwarded token and own the fine-grained rules (whose data, which state).
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, ProblemAuthHandlers handlers, Problems problems,
            ReactiveJwtDecoder jwtDecoder, CorsProperties cors, WebProperties web, RateLimitFilter rateLimits) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(new CorsCheck(cors, problems), SecurityWebFiltersOrder.CORS)
                .addFilterAt(new UnroutablePaths(problems), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(new BodySizeLimit(web, problems), SecurityWebFiltersOrder.HTTP_BASIC)
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new RealmRoles()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterAfter(rateLimits.afterAuthentication(), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(GatewaySecurity::rules)
                .build();
    }

    /** The route rules table of README.md; the first matching rule wins. */
    static void rules(AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                .permitAll()
                .pathMatchers("/api/policy/measures/*/eligible", "/api/policy/measures/*/eligible/**")
                .hasRole(Roles.HR_OFFICER)
                .pathMatchers(HttpMethod.GET, "/api/policy/measures", "/api/policy/measures/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/policy/measures", "/api/policy/measures/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/policy/vocabulary").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/policy/vocabulary").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/policy/evaluate").permitAll()
                .pathMatchers("/api/*/me", "/api/*/me/**").hasRole(Roles.APPLICANT)
                .pathMatchers("/api/talent/review/**", "/api/notifications/admin/**").hasRole(Roles.HR_OFFICER)
                .pathMatchers("/api/policy/admin/**").hasRole(Roles.POLICY_ADMIN)
                .pathMatchers("/api/talent/statistics/**").hasAnyRole(Roles.HR_OFFICER, Roles.POLICY_ADMIN)
                .pathMatchers("/api/**").authenticated()
                .anyExchange().denyAll();
    }

    @Bean
    ProblemAuthHandlers problemAuthHandlers(Problems problems) {
        return new ProblemAuthHandlers(problems);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri,
            SecurityProperties properties) {
        URI jwkSetUri = properties.jwkSetUri() != null ? properties.jwkSetUri()
                : URI.create(issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs");
        RealmKeys keys = new RealmKeys(WebClient.create(), jwkSetUri, properties, Clock.systemUTC());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> claims = TokenValidation.validator(issuerUri, properties);
        decoder.setJwtValidator(claims);
        return new VerifiedTokens(decoder, claims, properties.tokenCacheSize(), properties.clockSkew(),
                Clock.systemUTC(), Ticker.systemTicker());
    }
}
