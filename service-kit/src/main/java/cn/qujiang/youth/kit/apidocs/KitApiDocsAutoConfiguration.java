package cn.qujiang.youth.kit.apidocs;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link ApiDocuments} for a service that serves its API document (springdoc on the classpath). */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class KitApiDocsAutoConfiguration {

    /**
     * springdoc replaces the servers with the URL the document was fetched from (the service's own port) unless the
     * document bean names them.
     */
    @Bean
    @ConditionalOnMissingBean
    OpenAPI apiDocument() {
        return new OpenAPI().servers(List.of(ApiDocuments.gateway()));
    }

    @Bean
    ApiDocuments apiDocuments(@Value("${qujiang.api-docs.public-operations:}") List<String> publicOperations) {
        return new ApiDocuments(publicOperations);
    }
}
