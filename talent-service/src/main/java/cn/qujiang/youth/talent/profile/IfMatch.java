package cn.qujiang.youth.talent.profile;

import cn.qujiang.youth.kit.web.ApiException;
import org.springframework.http.HttpStatus;

/** Reads a version from an If-Match header: {@code "3"}, {@code W/"3"} or a bare {@code 3}. */
final class IfMatch {
    private IfMatch() {
    }

    /**
     * The version the client read, from the body or the header; both may be sent, but then they must agree: a
     * client naming two versions has lost track of what it read, and picking one would silently overwrite.
     */
    static Long expected(Long bodyVersion, String header) {
        Long headerVersion = version(header);
        if (bodyVersion != null && headerVersion != null && !bodyVersion.equals(headerVersion)) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "VERSION_DISAGREES");
        }
        return bodyVersion != null ? bodyVersion : headerVersion;
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
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException("negative");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "If-Match");
        }
    }
}
