package cn.qujiang.youth.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running gateway, as a browser or app would call it. */
public final class GatewayClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;

    public GatewayClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        return send(builder(path, token, headers).GET());
    }

    public HttpResponse<String> call(String method, String path, String token, String body, String... headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(builder(path, token, headers).header("Content-Type", "application/json").method(method, publisher));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line; ISO-8859-1, so a char up to U+00FF is
     * that byte) and {@code body} (JSON or null) over a socket from the loopback address {@code from}, for what
     * {@link URI} refuses to build (invalid percent-encoding, raw non-ASCII bytes) and for a rate-limit bucket of
     * its own per test; the connection is closed after the answer.
     */
    public RawResponse raw(String from, String head, String body) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort(), InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            String content = body == null ? "" : body;
            socket.getOutputStream().write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: "
                            + content.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(readUntilClosed(socket), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the server sent. A server that answers before reading the body (a refusal) and closes resets the
     * connection; the answer it sent before is still the answer.
     */
    private static byte[] readUntilClosed(Socket socket) throws IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = socket.getInputStream().read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (java.net.SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    public record RawResponse(int status, Map<String, String> headers, String body) {
        /** The problem body, checked to be application/problem+json. */
        public Map<String, Object> problem() {
            if (!headers.getOrDefault("content-type", "").startsWith("application/problem+json")) {
                throw new AssertionError("not a problem response: " + status + " " + headers + " " + body);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = JSON.readValue(body, Map.class);
            return problem;
        }
    }

    /** The problem body of an error response, checked to be application/problem+json. */
    public static Map<String, Object> problem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            throw new AssertionError("not a problem response: " + response.statusCode() + " "
                    + response.headers().map() + " " + response.body());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = JSON.readValue(response.body(), Map.class);
        return problem;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
