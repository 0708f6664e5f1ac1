package cn.qujiang.youth.kit.web;

import java.util.List;
import org.springframework.util.AntPathMatcher;

/**
 * The routes that take file uploads ({@code qujiang.web.upload-paths}, Ant patterns): they get a larger body limit
 * and, for the uploads themselves, a concurrency budget of their own.
 */
public record UploadPaths(List<String> patterns) {
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public static final UploadPaths NONE = new UploadPaths(List.of());

    public UploadPaths {
        patterns = List.copyOf(patterns);
    }

    public boolean matches(String path) {
        return patterns.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }
}
