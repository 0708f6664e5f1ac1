package cn.qujiang.youth.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.kit.web.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class ProblemSecurityHandlersTest {
    private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(new Problems(new StaticMessageSource()));

    @Test
    void aBadTokenIsTheCallersProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.commence(new MockHttpServletRequest(), response, new InvalidBearerTokenException("expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"UNAUTHENTICATED\"");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void anUnreachableIdentityProviderIsOurs() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.commence(new MockHttpServletRequest(), response, new AuthenticationServiceException("keys unreachable"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("\"code\":\"IDENTITY_PROVIDER_UNAVAILABLE\"");
    }
}
