package cn.qujiang.youth.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.kit.web.Problems;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemSecurityHandlersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(new Problems(kitMessages()));

    @Test
    void aBadTokenIsTheCallersProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.commence(request(), response, new InvalidBearerTokenException("expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        // the shape MVC writes: code at the top level (not under "properties"), where it was asked, in Chinese
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.has("properties")).isFalse();
        assertThat(problem.path("instance").asString()).isEqualTo("/api/talent/me/profile");
        assertThat(problem.path("detail").asString()).isEqualTo("需要有效的访问令牌。");
    }

    @Test
    void carriesTheTraceIdOfTheRequest() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            handlers.handle(request(), response, new AccessDeniedException("no role"));
        } finally {
            MDC.remove("traceId");
        }

        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(problem.path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(problem.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/api/talent/me/profile");
    }

    private static ResourceBundleMessageSource kitMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("kit-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void anUnreachableIdentityProviderIsOurs() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.commence(new MockHttpServletRequest(), response, new AuthenticationServiceException("keys unreachable"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("\"code\":\"IDENTITY_PROVIDER_UNAVAILABLE\"");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }
}
