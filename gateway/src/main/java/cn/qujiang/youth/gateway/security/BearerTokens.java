package cn.qujiang.youth.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header, read as Spring Security's own converter reads it (no
 * header or another scheme: no token; {@code Bearer} followed by anything but one RFC 6750 token: refused as
 * malformed), without its regular expression over the whole 1.3 KB token and its merge of three token sources:
 * the gateway accepts tokens from the header only (never from the query string or a form body, which Spring's
 * converter also leaves off by default). Both showed in the profile of every signed-in request.
 * <p>
 * The header is read beneath Spring Security's firewall, whose check of every header value read (another regular
 * expression over the token) cost more than the converter's own: a token of RFC 6750 characters only can never
 * fail that check. Anything else is read again through the firewall before it is refused as malformed, so a value
 * the firewall rejects is still answered as the firewall answers it ({@code REQUEST_REJECTED}).
 */
final class BearerTokens implements ServerAuthenticationConverter {
    private static final String SCHEME = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = beneathDecorators(exchange.getRequest()).getHeaders()
                .getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return Mono.empty();
        }
        String token = token(authorization);
        if (token != null) {
            return Mono.just(new BearerTokenAuthenticationToken(token));
        }
        return Mono.fromCallable(() -> {
            // the firewall's verdict first: it throws for a value it does not allow (answered 400)
            exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        });
    }

    /** The request as it came in: the gateway's decorators (firewall, body counting) leave its headers as they are. */
    private static ServerHttpRequest beneathDecorators(ServerHttpRequest request) {
        ServerHttpRequest plain = request;
        while (plain instanceof ServerHttpRequestDecorator decorator) {
            plain = decorator.getDelegate();
        }
        return plain;
    }

    /** The token of {@code Bearer <b64token>} (RFC 6750 section 2.1: token68 characters, then any '='), or null. */
    static String token(String authorization) {
        int length = authorization.length();
        if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int end = length;
        while (end > SCHEME.length() && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == SCHEME.length()) {
            return null;
        }
        for (int i = SCHEME.length(); i < end; i++) {
            if (!isToken68(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(SCHEME.length());
    }

    private static boolean isToken68(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
