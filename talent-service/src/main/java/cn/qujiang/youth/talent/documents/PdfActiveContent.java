package cn.qujiang.youth.talent.documents;

import cn.qujiang.youth.talent.documents.DocumentRefusal.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses PDFs that carry JavaScript, embedded files, launch actions or rich media, and PDFs with something else
 * appended after their end. Two looks: every object PDFBox finds (also those packed in compressed object streams,
 * which a byte scan cannot see), walked without recursion; and a scan of the raw bytes for the same names, which
 * catches objects a broken cross-reference table hides from the parser. PDFBox reads the file from disk and caches
 * decoded streams in temporary files, so a large PDF is never held whole.
 */
public class PdfActiveContent {
    private static final Set<String> ACTIVE = Set.of("JS", "JavaScript", "EmbeddedFile", "EmbeddedFiles", "Launch",
            "RichMedia", "RichMediaContent");
    /**
     * Long names only: the raw scan also reads stream data (a scan's compressed pixels), where a three-byte "/JS"
     * turns up by chance in about one 5 MB file in twenty; a script needs "/S /JavaScript" beside its "/JS" anyway,
     * and the parser checks the "/JS" key itself.
     */
    private static final byte[][] RAW = {ascii("/JavaScript"), ascii("/EmbeddedFile"), ascii("/EmbeddedFiles"),
        ascii("/Launch"), ascii("/RichMedia")};
    private static final int SCAN_BUFFER = 64 * 1024;
    private static final int TAIL_BYTES = 1024;

    public void check(Path file) {
        try {
            if (appendedAfterEnd(file)) {
                throw new DocumentRefusal(Reason.DOCUMENT_POLYGLOT);
            }
            if (rawNamesActive(file) || parsedObjectsActive(file)) {
                throw new DocumentRefusal(Reason.DOCUMENT_ACTIVE_CONTENT);
            }
        } catch (IOException e) {
            // damaged, or encrypted with a password: an officer could not read it either
            throw new DocumentRefusal(Reason.DOCUMENT_UNREADABLE);
        }
    }

    /** Anything but white space after the last %%EOF (an archive or page glued onto the PDF). */
    static boolean appendedAfterEnd(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int n = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[n];
            in.seek(length - n);
            in.readFully(tail);
            String text = new String(tail, StandardCharsets.ISO_8859_1);
            int end = text.lastIndexOf("%%EOF");
            return end >= 0 && !text.substring(end + 5).replaceAll("[\\s\\x00]", "").isEmpty();
        }
    }

    /** A name of {@link #RAW} followed by a delimiter, anywhere in the file (read in overlapping blocks). */
    static boolean rawNamesActive(Path file) throws IOException {
        int overlap = 16;
        byte[] buffer = new byte[SCAN_BUFFER + overlap];
        try (InputStream in = Files.newInputStream(file)) {
            int kept = 0;
            int read;
            while ((read = in.readNBytes(buffer, kept, SCAN_BUFFER)) > 0) {
                int filled = kept + read;
                for (byte[] name : RAW) {
                    if (containsName(buffer, filled, name)) {
                        return true;
                    }
                }
                kept = Math.min(overlap, filled);
                System.arraycopy(buffer, filled - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static boolean containsName(byte[] data, int length, byte[] name) {
        for (int at = FileInspector.indexOf(data, name, 0, length); at >= 0;
                at = FileInspector.indexOf(data, name, at + 1, length)) {
            int next = at + name.length;
            if (next >= length || isDelimiter(data[next])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDelimiter(byte b) {
        return b <= ' ' || "()<>[]{}/%".indexOf(b) >= 0;
    }

    static boolean parsedObjectsActive(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            COSDocument cos = pdf.getDocument();
            Deque<COSBase> pending = new ArrayDeque<>();
            pending.push(cos.getTrailer());
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                COSObject object = cos.getObjectFromPool(key);
                if (object != null) {
                    pending.push(object);
                }
            }
            return walk(pending);
        }
    }

    private static boolean walk(Deque<COSBase> pending) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            COSBase base = pending.pop();
            if (base instanceof COSObject reference) {
                base = reference.getObject();
            }
            if (base == null || !seen.add(base)) {
                continue;
            }
            if (base instanceof COSName name && ACTIVE.contains(name.getName())) {
                return true; // e.g. /S /JavaScript, /Type /EmbeddedFile
            }
            if (base instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    if (ACTIVE.contains(key.getName())) {
                        return true;
                    }
                    pending.push(dictionary.getItem(key));
                }
            } else if (base instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
