package cn.qujiang.youth.kit.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the Keycloak subject is the applicant id everywhere in the suite. */
public record Caller(String id, String username) {

    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("not a bearer-token request");
        }
        return new Caller(token.getToken().getSubject(), token.getToken().getClaimAsString("preferred_username"));
    }
}
