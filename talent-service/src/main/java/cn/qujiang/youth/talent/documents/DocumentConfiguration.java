package cn.qujiang.youth.talent.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checks are plain classes (unit-tested without Spring); here they get the configured limits. */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    PdfActiveContent pdfActiveContent() {
        return new PdfActiveContent();
    }

    @Bean
    FileInspector fileInspector(DocumentProperties properties, PdfActiveContent pdfs) {
        return new FileInspector(properties, pdfs);
    }

    @Bean
    HeifMetadata heifMetadata() {
        return new HeifMetadata();
    }

    @Bean
    ImageRewriter imageRewriter(DocumentProperties properties) {
        return new ImageRewriter(properties);
    }
}
