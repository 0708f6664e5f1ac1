package cn.qujiang.youth.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The largest request body the gateway forwards; same default as the services' own limit. */
@ConfigurationProperties("qujiang.web")
public record WebProperties(DataSize maxBodySize) {
    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    }
}
