package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.kit.web.ApiException;
import org.springframework.http.HttpStatus;

/** Reads a version from an If-Match header: {@code "3"}, {@code W/"3"} or a bare {@code 3}. */
final class IfMatch {
    private IfMatch() {
    }

    static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "If-Match");
        }
    }
}
