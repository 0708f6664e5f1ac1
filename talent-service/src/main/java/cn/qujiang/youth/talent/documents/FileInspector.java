package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.documents.DocumentRefusal.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides what an upload is from its bytes (Tika's magic numbers; the name is not given to Tika, so it cannot
 * tip the scale), and refuses it, before anything is stored, when it is empty, too large, of a kind not accepted,
 * not what its name or declared type say, or a polyglot: a file that is also read as another kind by some program
 * (a PDF or web page hidden at the start of an image, an archive appended to a PDF). PDFs are then opened to refuse
 * JavaScript and embedded files; HEIC gets its container checked, as no decoder is at hand.
 */
public class FileInspector {
    /** Browsers sniff the first 512 bytes for markup, PDF readers accept %PDF- within the first 1024. */
    static final int HEAD_BYTES = 8 * 1024;
    private static final int POLYGLOT_WINDOW = 1024;
    private static final List<byte[]> FOREIGN_STARTS = List.of(ascii("%PDF-"), ascii("PK\u0003\u0004"));
    private static final List<String> MARKUP = List.of("<html", "<script", "<svg", "<!doctype", "<body", "<iframe",
            "<object", "<embed");
    private static final Set<String> GENERIC_TYPES = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/unknown");
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1", "heif");

    private final Detector detector = MimeTypes.getDefaultMimeTypes();
    private final DocumentProperties properties;
    private final PdfActiveContent pdfs;

    public FileInspector(DocumentProperties properties, PdfActiveContent pdfs) {
        this.properties = properties;
        this.pdfs = pdfs;
    }

    /** The kind of the upload, or a {@link DocumentRefusal} saying why it is not accepted. */
    public DocumentType inspect(Upload upload) {
        if (upload.size() <= 0) {
            throw new DocumentRefusal(Reason.DOCUMENT_EMPTY);
        }
        long max = properties.maxSize().toBytes();
        if (upload.size() > max) {
            throw new DocumentRefusal(Reason.DOCUMENT_TOO_LARGE, max / (1024 * 1024));
        }
        byte[] head = head(upload);
        DocumentType type = detect(head)
                .orElseThrow(() -> new DocumentRefusal(Reason.DOCUMENT_TYPE_UNSUPPORTED));
        if (hidesAnotherKind(head)) {
            throw new DocumentRefusal(Reason.DOCUMENT_POLYGLOT);
        }
        if (!claimsFit(type, upload)) {
            throw new DocumentRefusal(Reason.DOCUMENT_TYPE_MISMATCH);
        }
        switch (type) {
            case PDF -> pdfs.check(upload.file());
            case HEIC -> checkHeifContainer(head);
            default -> {
                // images are decoded and re-encoded when stored (ImageRewriter): what they hid does not survive
            }
        }
        return type;
    }

    Optional<DocumentType> detect(byte[] head) {
        try (InputStream in = new ByteArrayInputStream(head)) {
            MediaType detected = detector.detect(in, new Metadata());
            Optional<DocumentType> type = DocumentType.ofMediaType(detected.getBaseType().toString());
            return type.isPresent() || !isHeif(head) ? type : Optional.of(DocumentType.HEIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another format's signature or markup a browser would run, anywhere in the first KB but the very start. */
    static boolean hidesAnotherKind(byte[] head) {
        int window = Math.min(head.length, POLYGLOT_WINDOW);
        for (byte[] start : FOREIGN_STARTS) {
            if (indexOf(head, start, 1, window) >= 0) {
                return true;
            }
        }
        String text = new String(head, 0, window, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return MARKUP.stream().anyMatch(text::contains);
    }

    /** The name's extension and the declared type, where given, must name what the bytes are. */
    static boolean claimsFit(DocumentType type, Upload upload) {
        String name = upload.declaredName() == null ? "" : upload.declaredName();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && dot < name.length() - 1
                && DocumentType.ofExtension(name.substring(dot + 1)).filter(type::equals).isEmpty()) {
            return false;
        }
        String declared = upload.declaredType() == null ? ""
                : upload.declaredType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return GENERIC_TYPES.contains(declared) || DocumentType.ofMediaType(declared).filter(type::equals).isPresent();
    }

    /** An ISO base media file whose first box is a sane {@code ftyp} naming a HEIF brand. */
    static boolean isHeif(byte[] head) {
        if (head.length < 16 || !"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        long boxSize = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        return boxSize >= 16 && boxSize <= 4096 && boxSize % 4 == 0 && HEIF_BRANDS.contains(brand);
    }

    private static void checkHeifContainer(byte[] head) {
        if (!isHeif(head)) {
            throw new DocumentRefusal(Reason.DOCUMENT_UNREADABLE);
        }
    }

    private static byte[] head(Upload upload) {
        try (InputStream in = Files.newInputStream(upload.file())) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
