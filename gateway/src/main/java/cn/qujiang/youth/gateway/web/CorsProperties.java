package cn.qujiang.youth.gateway.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Browser origins allowed to call the API: the mobile web app and the HR console. */
@ConfigurationProperties("qujiang.cors")
public record CorsProperties(List<String> allowedOrigins, Duration maxAge) {
    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of("http://localhost:5173", "http://localhost:5174") : List.copyOf(allowedOrigins);
        maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
    }
}
