package cn.qujiang.youth.talent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the running service, as a client would call it, with full control over bodies and headers. */
final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    Http(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Request get(String path) {
        return new Request("GET", path, null);
    }

    Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    Request put(String path, Object json) {
        return new Request("PUT", path, json instanceof String s ? s : JSON.writeValueAsString(json));
    }

    Request post(String path, Object json) {
        return new Request("POST", path, json == null ? "" : json instanceof String s ? s : JSON.writeValueAsString(json));
    }

    final class Request {
        private final HttpRequest.Builder builder;
        private final String method;
        private final String body;
        private String contentType = "application/json";

        private Request(String method, String path, String body) {
            this.method = method;
            this.body = body;
            this.builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        }

        Request token(String bearer) {
            builder.header("Authorization", "Bearer " + bearer);
            return this;
        }

        Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        Request contentType(String value) {
            contentType = value;
            return this;
        }

        Response send() {
            HttpResponse<String> response = send(HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        }

        /** For a binary answer (a download). */
        HttpResponse<byte[]> sendForBytes() {
            return send(HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> send(HttpResponse.BodyHandler<T> handler) {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body);
            if (body != null) {
                builder.header("Content-Type", contentType);
            }
            try {
                return CLIENT.send(builder.method(method, publisher).build(), handler);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
