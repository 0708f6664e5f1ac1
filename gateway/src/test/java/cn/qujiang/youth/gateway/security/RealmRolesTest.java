package cn.qujiang.youth.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRolesTest {

    @Test
    void mapsTheSuitesRealmRolesAndIgnoresKeycloakDefaults() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .claim("realm_access", Map.of("roles",
                        List.of("hr-officer", "offline_access", "uma_authorization", "default-roles-qujiang")))
                .build();
        assertThat(RealmRoles.authorities(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_hr-officer");
        assertThat(new RealmRoles().convert(jwt).block().getName()).isEqualTo("sub-1");
    }

    @Test
    void aTokenWithoutRealmRolesHasNoAuthorities() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1").claim("scope", "openid").build();
        assertThat(RealmRoles.authorities(jwt)).isEmpty();
    }
}
