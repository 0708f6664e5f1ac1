package cn.qujiang.youth.talent;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The service's own message bundles (messages*.properties) as the application reads them, for tests without Spring. */
public final class ServiceMessages {
    private ServiceMessages() {
    }

    public static ResourceBundleMessageSource load() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
