package cn.qujiang.youth.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for an SMS provider on the local stack: accepts notification-service's provider-neutral requests
 * ({@code POST /sms}, JSON), records them, lists them as JSON ({@code GET /sms}) and shows them as a page
 * ({@code GET /}).
 */
public final class SmsSink implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    public SmsSink(int port) {
        this.port = port;
    }

    public SmsSink start() {
        Ports.requireFree(port, "the SMS sink");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new InfraException("cannot start the SMS sink on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/sms", this::sms);
        server.createContext("/", this::page);
        server.start();
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/sms";
    }

    public int port() {
        return port;
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void sms(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            try {
                received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            } catch (RuntimeException e) {
                respond(exchange, 400, "application/json", "{\"code\":\"BAD_REQUEST\"}");
                return;
            }
            respond(exchange, 200, "application/json", "{\"code\":\"OK\",\"messageId\":\"" + UUID.randomUUID() + "\"}");
        } else {
            respond(exchange, 200, "application/json", JSON.writeValueAsString(received));
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (JsonNode sms : received) {
            rows.append("<tr><td>").append(escape(sms.path("phoneNumber").asString()))
                    .append("</td><td>").append(escape(sms.path("content").asString())).append("</td></tr>");
        }
        respond(exchange, 200, "text/html; charset=utf-8", """
                <!doctype html><meta charset="utf-8"><title>SMS sink</title>
                <h1>SMS sent by the local stack</h1><table border="1"><tr><th>to</th><th>text</th></tr>%s</table>
                """.formatted(rows));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
