package cn.qujiang.youth.gateway.web;

/** A request body passed the configured limit while it was being forwarded (no Content-Length up front). */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException() {
        super("request body too large", null, false, false);
    }
}
