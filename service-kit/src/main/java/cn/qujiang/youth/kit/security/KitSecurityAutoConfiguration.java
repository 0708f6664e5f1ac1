package cn.qujiang.youth.kit.security;

import cn.qujiang.youth.kit.web.KitWebAutoConfiguration;
import cn.qujiang.youth.kit.web.Problems;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Validates Keycloak tokens: signature against the realm's JWKS (fetched lazily and cached, so a service starts
 * before Keycloak answers), issuer, audience and expiry.
 */
@AutoConfiguration(after = KitWebAutoConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class KitSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuerUri,
            SecurityProperties properties) {
        OAuth2TokenValidator<Jwt> claims = validator(issuerUri, properties);
        SupplierJwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(issuerUri).build()
                    : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(claims);
            return decoder;
        });
        // Keycloak unreachable at the first token: an authentication-service failure (503), not a crash (500).
        // The next token tries the discovery again.
        JwtDecoder verifier = token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new JwtException("identity provider unavailable", e);
            }
        };
        return new VerifiedTokens(verifier, claims, properties.tokenCacheSize(), properties.clockSkew(),
                Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuerUri),
                new AudienceValidator(properties.audience()));
    }

    /**
     * No observation around each filter of the security chain, each authentication and each authorization. Turning
     * their observations off by name (an observation predicate) still left Spring Security wrapping every filter of
     * every request in a decorator that asks the predicate and keeps a no-op observation; with these settings the
     * chain runs undecorated. Request metrics stay: {@code http.server.requests} is the web server's own observation.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall with its default rules, the header values checked by {@link HeaderValues}
     * instead of its regular expression (same verdicts, a fraction of the CPU per authenticated request). Spring
     * Security hands this bean to the filter chain it builds.
     */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return firewall;
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(Problems problems) {
        return new ProblemSecurityHandlers(problems);
    }

    @Bean
    ServiceSecurity serviceSecurity(ProblemSecurityHandlers handlers) {
        return new ServiceSecurity(handlers);
    }
}
