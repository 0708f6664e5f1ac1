package cn.qujiang.youth.talent.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of proof documents. {@code maxSize} per file (the multipart limit {@code spring.servlet.multipart.*} must be
 * larger, so that a file just over it gets this refusal with a field error rather than the container's);
 * {@code maxPerApplication} files attached to one application; {@code maxImagePixels} refuses decompression bombs
 * before an image is decoded; files attached to no application are removed after {@code orphanAfter};
 * {@code sweepInterval} runs the orphan and key-rotation sweep.
 */
@ConfigurationProperties("qujiang.documents")
public record DocumentProperties(DataSize maxSize, Integer maxPerApplication, Long maxImagePixels,
        Duration orphanAfter, Duration sweepInterval) {

    public DocumentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        maxPerApplication = maxPerApplication == null ? 20 : maxPerApplication;
        maxImagePixels = maxImagePixels == null ? 40_000_000L : maxImagePixels;
        orphanAfter = orphanAfter == null ? Duration.ofDays(30) : orphanAfter;
        sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
    }

    public static DocumentProperties defaults() {
        return new DocumentProperties(null, null, null, null, null);
    }
}
