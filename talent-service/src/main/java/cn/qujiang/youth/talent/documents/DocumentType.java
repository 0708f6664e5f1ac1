package cn.qujiang.youth.talent.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a proof document may be, by what their bytes are. {@code mediaType} is also what a download is
 * served as (never anything a browser would run), {@code aliases} the other names detectors and phones give it.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf", Set.of("pdf"), Set.of()),
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif"), Set.of("image/pjpeg", "image/jpg")),
    PNG("image/png", "png", Set.of("png"), Set.of("image/x-png")),
    HEIC("image/heic", "heic", Set.of("heic", "heif", "hif"), Set.of("image/heif", "image/heic-sequence",
            "image/heif-sequence"));

    private final String mediaType;
    private final String extension;
    private final Set<String> extensions;
    private final Set<String> aliases;

    DocumentType(String mediaType, String extension, Set<String> extensions, Set<String> aliases) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.extensions = extensions;
        this.aliases = aliases;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension a download is named with. */
    public String extension() {
        return extension;
    }

    /** Shown in the browser (officer's preview); HEIC is only downloaded, browsers do not display it. */
    public boolean previewable() {
        return this != HEIC;
    }

    static Optional<DocumentType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.mediaType.equals(bare) || type.aliases.contains(bare)).findFirst();
    }

    static Optional<DocumentType> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.extensions.contains(lower)).findFirst();
    }
}
