package cn.qujiang.youth.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps Keycloak's {@code realm_access.roles} to {@code ROLE_<role>} authorities. Only the suite's own roles count:
 * Keycloak's default roles (offline_access, uma_authorization, default-roles-*) are ignored.
 */
public class RealmRolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private static final Set<String> KNOWN = Set.of(Roles.APPLICANT, Roles.HR_OFFICER, Roles.POLICY_ADMIN, Roles.CONTACT_READER,
            Roles.EVENT_KEY_READER, Roles.NOTIFICATION_READER);

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).filter(KNOWN::contains)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
