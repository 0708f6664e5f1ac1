package cn.qujiang.youth.kit.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * The common shape of every service's filter chain: stateless bearer tokens validated against Keycloak, realm
 * roles, problem+json for 401/403, health and OpenAPI open. Each service only adds its own route rules.
 */
public class ServiceSecurity {
    private final RealmRolesConverter rolesConverter = new RealmRolesConverter();
    private final ProblemSecurityHandlers handlers;

    public ServiceSecurity(ProblemSecurityHandlers handlers) {
        this.handlers = handlers;
    }

    public SecurityFilterChain build(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> routes)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers)
                        .withObjectPostProcessor(answersWhenKeycloakIsDown()))
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
                    authorize.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll();
                    routes.customize(authorize);
                    authorize.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * The bearer filter's failure handler rethrows an AuthenticationServiceException (the signing keys could not be
     * fetched) by default, which the container turns into a 500; handed to the entry point instead, it becomes the
     * 503 IDENTITY_PROVIDER_UNAVAILABLE with Retry-After.
     */
    private ObjectPostProcessor<BearerTokenAuthenticationFilter> answersWhenKeycloakIsDown() {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(handlers);
        failures.setRethrowAuthenticationServiceException(false);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }
}
