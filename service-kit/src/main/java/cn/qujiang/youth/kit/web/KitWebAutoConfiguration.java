package cn.qujiang.youth.kit.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Problem responses (from MVC, the error page and Tomcat's own error report), strict reading of request bodies,
 * correlation ids, early load shedding and the body size limit. The language comes from Accept-Language, Chinese
 * when absent ({@code spring.web.locale} in the service defaults).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class KitWebAutoConfiguration {

    /** Tomcat's own refusals (before any filter runs) as problems too: {@link ProblemErrorReportValve}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(Problems problems) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                ProblemErrorReportValve.install(host, problems);
            }
        }));
    }

    @Bean
    Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the correlation id (refusals are traced too), before anything reads the body or checks a token. */
    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(
            @Value("${qujiang.web.max-concurrent-requests:32}") int maxConcurrent,
            @Value("${qujiang.web.queue-wait:250ms}") Duration queueWait,
            @Value("${qujiang.web.upload-paths:}") java.util.List<String> uploadPaths,
            @Value("${qujiang.web.max-concurrent-uploads:4}") int maxConcurrentUploads,
            @Value("${qujiang.web.upload-queue-wait:5s}") Duration uploadQueueWait, Problems problems) {
        ConcurrencyLimitFilter.UploadBudget uploads = new ConcurrencyLimitFilter.UploadBudget(
                new UploadPaths(uploadPaths), maxConcurrentUploads, uploadQueueWait);
        FilterRegistrationBean<ConcurrencyLimitFilter> registration =
                new FilterRegistrationBean<>(new ConcurrencyLimitFilter(maxConcurrent, queueWait, uploads, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Upload routes ({@code qujiang.web.upload-paths}) get {@code max-upload-size} instead of the small limit. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${qujiang.web.max-body-size:64KB}") DataSize maxBodySize,
            @Value("${qujiang.web.max-upload-size:64KB}") DataSize maxUploadSize,
            @Value("${qujiang.web.upload-paths:}") java.util.List<String> uploadPaths, Problems problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(
                maxBodySize.toBytes(), maxUploadSize.toBytes(), uploadPaths, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
