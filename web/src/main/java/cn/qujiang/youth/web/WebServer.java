package cn.qujiang.youth.web;

import cn.qujiang.youth.web.StaticSite.Asset;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves one built single-page app on its own origin: the files, {@code /config.json}, and for any other path
 * without a file extension the app's {@code index.html} (the app's router decides). Every answer carries the
 * app's Content-Security-Policy and the usual hardening headers. Only GET and HEAD.
 */
public final class WebServer implements AutoCloseable {
    private final SiteConfig config;
    private final StaticSite site;
    private HttpServer server;
    private ExecutorService workers;

    public WebServer(SiteConfig config) {
        this.config = config;
        this.site = new StaticSite(config.app());
    }

    public WebServer start() {
        if (!site.isBuilt()) {
            throw new IllegalStateException("the " + config.app() + " app is not in this jar: build the web module "
                    + "(mvn -pl web package) first");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("port " + config.port() + " for the " + config.app() + " app: "
                    + e.getMessage(), e);
        }
        workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "web-" + config.app());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address residents open; {@code localhost}, the host name the realm and the gateway's CORS expect. */
    public String url() {
        return "http://localhost:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Security-Policy", config.contentSecurityPolicy());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "method not allowed");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || !path.startsWith("/") || path.contains("..") || path.contains("\\")
                    || path.contains("\0") || path.contains("//")) {
                sendText(exchange, 400, "bad path");
                return;
            }
            if (path.equals("/config.json")) {
                headers.set("Cache-Control", "no-store");
                send(exchange, 200, "application/json", config.configJson().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<Asset> asset = site.find(path.equals("/") ? "index.html" : path.substring(1));
            if (asset.isEmpty() && !lastSegment(path).contains(".")) {
                asset = site.find("index.html");
            }
            if (asset.isEmpty()) {
                sendText(exchange, 404, "not found");
                return;
            }
            Asset found = asset.get();
            headers.set("Cache-Control", found.cacheControl());
            headers.set("ETag", found.etag());
            if (found.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            boolean gzip = found.gzipped() != null && acceptsGzip(exchange);
            if (found.gzipped() != null) {
                headers.set("Vary", "Accept-Encoding");
            }
            if (gzip) {
                headers.set("Content-Encoding", "gzip");
            }
            send(exchange, 200, found.contentType(), gzip ? found.gzipped() : found.bytes());
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accepted != null && accepted.toLowerCase().contains("gzip");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
