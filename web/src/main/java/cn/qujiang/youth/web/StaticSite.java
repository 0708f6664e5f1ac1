package cn.qujiang.youth.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The built files of one app, read from {@code classpath:/static/<app>/} on first use and kept in memory with
 * their gzip form. Vite puts content hashes into every file under {@code assets/}, so those are cached for a year;
 * {@code index.html} is revalidated every time, so a new release is picked up at once.
 */
final class StaticSite {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final String root;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    StaticSite(String app) {
        this.root = "static/" + app + "/";
    }

    /** True when the app was built into the jar (an app missing from the build is a start-up error, not a 404). */
    boolean isBuilt() {
        return find("index.html").isPresent();
    }

    /** The file at a request path (already decoded and checked to stay inside the site). */
    Optional<Asset> find(String path) {
        return cache.computeIfAbsent(path, this::load);
    }

    private Optional<Asset> load(String path) {
        try (InputStream in = StaticSite.class.getClassLoader().getResourceAsStream(root + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            String type = TYPES.getOrDefault(extension, "application/octet-stream");
            String caching = path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            boolean compressible = type.startsWith("text/") || type.contains("json") || type.contains("svg");
            return Optional.of(new Asset(bytes, compressible ? gzip(bytes) : null, type, caching, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A file ready to send; {@code gzipped} is null for types that do not compress (images, fonts). */
    record Asset(byte[] bytes, byte[] gzipped, String contentType, String cacheControl, String etag) {
    }
}
