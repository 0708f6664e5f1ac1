package cn.qujiang.youth.notification.templates;

/** An inbox entry in the reader's language. */
public record RenderedInApp(String title, String body) {
}
