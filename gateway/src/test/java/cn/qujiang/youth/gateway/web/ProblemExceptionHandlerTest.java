package cn.qujiang.youth.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

/** What the caller sees for each way a request can fail inside the gateway. */
class ProblemExceptionHandlerTest {

    @Test
    void aDownOrSlowServiceIsA503WithACodeSayingWhich() {
        assertThat(code(new ConnectException("Connection refused"))).isEqualTo("503 UPSTREAM_UNAVAILABLE");
        assertThat(code(new ConnectTimeoutException("connect timed out"))).isEqualTo("503 UPSTREAM_UNAVAILABLE");
        assertThat(code(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer",
                new TimeoutException("Response took longer")))).isEqualTo("503 UPSTREAM_TIMEOUT");
        assertThat(code(new ServiceUnavailableException())).isEqualTo("503 CIRCUIT_OPEN");
    }

    @Test
    void keycloakUnreachableIsA503NotA401() {
        assertThat(code(new IllegalStateException("Could not obtain the keys",
                new IdentityProviderUnavailableException("down", new ConnectException("refused")))))
                .isEqualTo("503 IDENTITY_PROVIDER_UNAVAILABLE");
        assertThat(code(new AuthenticationServiceException("boom"))).isEqualTo("503 IDENTITY_PROVIDER_UNAVAILABLE");
    }

    @Test
    void clientErrorsKeepTheirStatus() {
        assertThat(code(new ResponseStatusException(HttpStatus.NOT_FOUND))).isEqualTo("404 NOT_FOUND");
        assertThat(code(new PayloadTooLargeException())).isEqualTo("413 BODY_TOO_LARGE");
        assertThat(code(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED)))
                .isEqualTo("405 METHOD_NOT_ALLOWED");
        assertThat(code(new IllegalArgumentException("bug"))).isEqualTo("500 INTERNAL_ERROR");
    }

    private static String code(Throwable error) {
        ProblemExceptionHandler.Failure failure = ProblemExceptionHandler.classify(error, 65536);
        return failure.status().value() + " " + failure.code();
    }
}
