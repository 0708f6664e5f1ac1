package cn.qujiang.youth.talent.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Serves a document's content safely: only the type detected at upload (never HTML or SVG: they are never
 * accepted), {@code nosniff} so the browser does not guess another, a sandboxing CSP in case a PDF viewer runs
 * anything, no caching, and a file name made of what it proves and its id. Inline only when asked and when the
 * browser can show it (PDF, JPEG, PNG); HEIC is always a download. Decrypted and streamed segment by segment.
 */
final class DocumentContent {

    private DocumentContent() {
    }

    static void write(HttpServletResponse response, DocumentRecord document, InputStream content, boolean inline)
            throws IOException {
        ContentDisposition.Builder disposition = inline && document.type().previewable()
                ? ContentDisposition.inline() : ContentDisposition.attachment();
        response.setContentType(document.type().mediaType());
        response.setContentLengthLong(document.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                disposition.filename(DocumentService.downloadName(document)).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (InputStream in = content) {
            in.transferTo(response.getOutputStream());
        }
    }
}
