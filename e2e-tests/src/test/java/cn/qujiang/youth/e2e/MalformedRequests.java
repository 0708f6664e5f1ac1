package cn.qujiang.youth.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests generated from a served OpenAPI document: for every write operation with a JSON body, a
 * body built from the schema and then broken one field at a time (wrong type, beyond a declared limit, a value
 * outside the enum, a bad format, a required field missing or null), plus hand-written nasties that no schema
 * describes (bytes that are not UTF-8, a key given twice, numbers beyond any type, nesting thousands deep, not an
 * object at all, a body cut short, the wrong content type, a path far too long or not UTF-8). Path parameters name
 * nothing that exists, so a request that slipped through could not change stored state anyway, except where the
 * path is the caller's own ({@code /me}); those bodies are always invalid by construction.
 */
final class MalformedRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NOTHING = "corpus-nothing-0000";
    /**
     * A large body (a measure) breaks in hundreds of ways; a sample spread over all its fields keeps each caller
     * under the gateway's per-user rate limit.
     */
    private static final int MAX_BREAKS_PER_OPERATION = 90;

    /** One request to send; {@code what} names the operation and the break, for the failure list. */
    record Malformed(String method, String path, String contentType, byte[] body, String what) {
        static Malformed json(String method, String path, JsonNode body, String what) {
            return new Malformed(method, path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8),
                    what);
        }

        static Malformed raw(String method, String path, String contentType, String body, String what) {
            return new Malformed(method, path, contentType, body.getBytes(StandardCharsets.UTF_8), what);
        }
    }

    private final JsonNode document;

    MalformedRequests(JsonNode document) {
        this.document = document;
    }

    /** Every malformed request for every write operation of the document, by operation path. */
    Map<String, List<Malformed>> byOperation() {
        Map<String, List<Malformed>> all = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                JsonNode schema = operation.path("requestBody").path("content").path("application/json")
                        .path("schema");
                String concrete = path.getKey().replaceAll("\\{[^}]+}", NOTHING);
                String verb = method.toUpperCase(java.util.Locale.ROOT);
                List<Malformed> requests = new ArrayList<>();
                if (!schema.isMissingNode()) {
                    requests.addAll(spread(fromSchema(verb, concrete, resolve(schema)), MAX_BREAKS_PER_OPERATION));
                    requests.addAll(nasties(verb, concrete));
                } else if (!concrete.equals(path.getKey())) {
                    requests.addAll(pathNasties(verb, path.getKey()));
                }
                if (!requests.isEmpty()) {
                    all.put(verb + " " + path.getKey(), requests);
                }
            }
        }
        return all;
    }

    private List<Malformed> fromSchema(String method, String path, JsonNode schema) {
        ObjectNode base = (ObjectNode) sample(schema, 0);
        List<Malformed> requests = new ArrayList<>();
        breakObject(method, path, base, base, schema, "", requests, 0);
        return requests;
    }

    /** Every n-th of {@code all}, at most {@code limit}, so every part of the schema is still represented. */
    private static List<Malformed> spread(List<Malformed> all, int limit) {
        if (all.size() <= limit) {
            return all;
        }
        List<Malformed> some = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            some.add(all.get((int) ((long) i * all.size() / limit)));
        }
        return some;
    }

    /** Breaks each property of {@code object} (a node inside {@code root}) in turn, restoring it afterwards. */
    private void breakObject(String method, String path, ObjectNode root, ObjectNode object, JsonNode schema,
            String at, List<Malformed> requests, int depth) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode propertySchema = resolve(property.getValue());
            String field = at + name;
            JsonNode original = object.get(name);
            for (Map.Entry<String, JsonNode> broken : breaks(propertySchema).entrySet()) {
                object.set(name, broken.getValue());
                requests.add(Malformed.json(method, path, root.deepCopy(), field + ": " + broken.getKey()));
            }
            if (required.contains(name)) {
                object.remove(name);
                requests.add(Malformed.json(method, path, root.deepCopy(), field + ": missing"));
                object.putNull(name);
                requests.add(Malformed.json(method, path, root.deepCopy(), field + ": null"));
            }
            restore(object, name, original);
            if (depth < 2 && original instanceof ObjectNode nested && propertySchema.has("properties")) {
                breakObject(method, path, root, nested, propertySchema, field + ".", requests, depth + 1);
            }
        }
        object.set("corpusUnknownField", NODES.stringNode("x"));
        requests.add(Malformed.json(method, path, root.deepCopy(), at + "corpusUnknownField: unknown field"));
        object.remove("corpusUnknownField");
    }

    private static void restore(ObjectNode object, String name, JsonNode original) {
        if (original == null) {
            object.remove(name);
        } else {
            object.set(name, original);
        }
    }

    /** The ways one value of this schema can be wrong, each named. */
    private Map<String, JsonNode> breaks(JsonNode schema) {
        Map<String, JsonNode> breaks = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                breaks.put("a number for a text", NODES.numberNode(12345));
                breaks.put("an object for a text", NODES.objectNode().put("$gt", ""));
                if (schema.has("maxLength")) {
                    breaks.put("beyond maxLength", NODES.stringNode("长".repeat(schema.get("maxLength").asInt() + 1)));
                }
                if (schema.has("enum")) {
                    breaks.put("not a value of the enum", NODES.stringNode("NOT_A_VALUE"));
                }
                String format = schema.path("format").asString("");
                if (format.equals("date")) {
                    breaks.put("an impossible date", NODES.stringNode("2024-02-30"));
                    breaks.put("a date-time for a date", NODES.stringNode("2024-02-01T10:00:00Z"));
                } else if (format.equals("date-time")) {
                    breaks.put("not a date-time", NODES.stringNode("yesterday"));
                } else if (format.equals("email")) {
                    breaks.put("not an e-mail address", NODES.stringNode("not-an-address@"));
                }
                breaks.put("control and bidi characters", NODES.stringNode("a\u0000b\u202Ec"));
            }
            case "integer", "number" -> {
                breaks.put("a text for a number", NODES.stringNode("abc"));
                if (type.equals("integer")) {
                    breaks.put("a fraction for an integer", NODES.numberNode(1.5));
                }
                breaks.put("beyond any integer", NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
                if (schema.has("maximum")) {
                    breaks.put("above maximum", NODES.numberNode(schema.get("maximum").decimalValue()
                            .add(java.math.BigDecimal.ONE)));
                }
                if (schema.has("minimum")) {
                    breaks.put("below minimum", NODES.numberNode(schema.get("minimum").decimalValue()
                            .subtract(java.math.BigDecimal.ONE)));
                }
            }
            case "boolean" -> {
                breaks.put("a text for a boolean", NODES.stringNode("yes"));
                breaks.put("a number for a boolean", NODES.numberNode(1));
            }
            case "array" -> {
                breaks.put("an object for a list", NODES.objectNode());
                breaks.put("a list of lists", NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode())));
                if (schema.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = sample(resolve(schema.path("items")), 1);
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(item.deepCopy());
                    }
                    breaks.put("beyond maxItems", many);
                }
            }
            default -> {
                breaks.put("a text for an object", NODES.stringNode("x"));
                breaks.put("a list for an object", NODES.arrayNode());
            }
        }
        return breaks;
    }

    /** Bodies that are broken as JSON or as text, whatever the schema. */
    private static List<Malformed> nasties(String method, String path) {
        List<Malformed> nasties = new ArrayList<>();
        byte[] notUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        nasties.add(new Malformed(method, path, "application/json", notUtf8, "bytes that are not UTF-8"));
        nasties.add(Malformed.raw(method, path, "application/json", "{\"a\":1,\"a\":2}", "a key given twice"));
        nasties.add(Malformed.raw(method, path, "application/json", "{\"version\":1e400}", "a number beyond double"));
        nasties.add(Malformed.raw(method, path, "application/json",
                "{\"version\":" + "9".repeat(5000) + "}", "a number of 5000 digits"));
        nasties.add(Malformed.raw(method, path, "application/json", "[".repeat(5000) + "]".repeat(5000),
                "lists nested 5000 deep"));
        nasties.add(Malformed.raw(method, path, "application/json",
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "objects nested 3000 deep"));
        nasties.add(Malformed.raw(method, path, "application/json", "[]", "a list, not an object"));
        nasties.add(Malformed.raw(method, path, "application/json", "\"text\"", "a text, not an object"));
        nasties.add(Malformed.raw(method, path, "application/json", "", "an empty body"));
        nasties.add(Malformed.raw(method, path, "application/json", "{\"name\": ", "a body cut short"));
        nasties.add(Malformed.raw(method, path, "application/json", "{\"name\":\"\\ud800\"}", "a lone surrogate"));
        nasties.add(Malformed.raw(method, path, "text/plain", "name=x", "the wrong content type"));
        nasties.add(Malformed.raw(method, path, "application/xml", "<a/>", "XML"));
        nasties.addAll(pathNasties(method, path));
        return nasties;
    }

    /** A path far too long, and one whose escapes are not UTF-8. */
    private static List<Malformed> pathNasties(String method, String path) {
        String target = path.contains(NOTHING) || path.contains("{") ? path.replaceAll("\\{[^}]+}", NOTHING) : path;
        String notUtf8 = path.contains("{") ? path.replaceFirst("\\{[^}]+}", "%C3%28").replaceAll("\\{[^}]+}", NOTHING)
                : path + "/%C3%28";
        return List.of(
                Malformed.raw(method, target + "/" + "a".repeat(10_000), "application/json", "{}", "a path of 10 KB"),
                Malformed.raw(method, notUtf8, "application/json", "{}", "a path that is not UTF-8"));
    }

    /** A value that fits the schema as far as a generator can tell (formats, enums and limits honoured). */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        return switch (type(schema)) {
            case "string" -> switch (schema.path("format").asString("")) {
                case "date" -> NODES.stringNode("2000-01-01");
                case "date-time" -> NODES.stringNode("2000-01-01T00:00:00Z");
                case "email" -> NODES.stringNode("corpus@example.com");
                default -> NODES.stringNode("x");
            };
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> types = type.values().iterator(); types.hasNext(); ) {
                String one = types.next().asString();
                if (!one.equals("null")) {
                    return one;
                }
            }
        }
        return type.isString() ? type.asString() : schema.has("properties") ? "object" : "string";
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int hops = 0; resolved.has("$ref") && hops < 10; hops++) {
            String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
            resolved = document.path("components").path("schemas").path(name);
        }
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            return resolve(resolved.get("allOf").get(0));
        }
        return resolved;
    }
}
