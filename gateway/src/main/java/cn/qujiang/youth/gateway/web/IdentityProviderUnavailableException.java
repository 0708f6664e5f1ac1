package cn.qujiang.youth.gateway.web;

/** Keycloak's signing keys could not be fetched: tokens cannot be checked, which is a 503, not a 401. */
public class IdentityProviderUnavailableException extends RuntimeException {
    public IdentityProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
