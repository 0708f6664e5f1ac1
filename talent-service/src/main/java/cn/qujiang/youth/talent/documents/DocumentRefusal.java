package cn.qujiang.youth.talent.documents;

import org.springframework.http.HttpStatus;

/**
 * Why an upload was refused; nothing was stored. Answered as a problem with a field error on {@code file}, worded
 * for the resident ({@code problem.<code>} and {@code talent.document.<code>}), never echoing the file's name.
 */
public class DocumentRefusal extends RuntimeException {
    private final Reason reason;
    private final transient Object[] args;

    public enum Reason {
        DOCUMENT_EMPTY(HttpStatus.BAD_REQUEST),
        DOCUMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
        DOCUMENT_TYPE_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        DOCUMENT_TYPE_MISMATCH(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        DOCUMENT_POLYGLOT(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
        DOCUMENT_ACTIVE_CONTENT(HttpStatus.UNPROCESSABLE_CONTENT),
        DOCUMENT_UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT),
        DOCUMENT_IMAGE_TOO_LARGE(HttpStatus.UNPROCESSABLE_CONTENT),
        DOCUMENT_HEIC_UNSUPPORTED(HttpStatus.UNPROCESSABLE_CONTENT);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    DocumentRefusal(Reason reason, Object... args) {
        super(reason.name());
        this.reason = reason;
        this.args = args;
    }

    public Reason reason() {
        return reason;
    }

    Object[] args() {
        return args.clone();
    }
}
