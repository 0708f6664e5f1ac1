package cn.qujiang.youth.notification.templates;

/** An e-mail ready to send: subject, plain-text part and HTML part. */
public record RenderedEmail(String subject, String text, String html) {
}
