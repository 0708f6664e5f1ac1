package cn.qujiang.youth.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway forwards (same default as the services' own limit), and the larger one of
 * the upload routes ({@code uploadPaths}, path patterns such as {@code /api/talent/me/applications/*&#47;documents}).
 */
@ConfigurationProperties("qujiang.web")
public record WebProperties(DataSize maxBodySize, DataSize maxUploadSize, List<String> uploadPaths) {
    public WebProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        maxUploadSize = maxUploadSize == null ? maxBodySize : maxUploadSize;
        uploadPaths = uploadPaths == null ? List.of() : List.copyOf(uploadPaths);
    }
}
