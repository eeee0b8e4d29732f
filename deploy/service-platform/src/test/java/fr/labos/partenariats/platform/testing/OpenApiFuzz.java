package fr.labos.partenariats.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Hostile requests for every operation of a service's OpenAPI document: ids of the wrong kind and garbage in the
 * path, malformed JSON and wrong types in the body, wrong types and oversized values in the query. Every request is
 * meant to be refused: {@link #isProperRefusal} tells whether it was, with a 4xx problem document.
 */
public final class OpenApiFuzz {

    /** One request sent and what came back. */
    public record Exchange(String method, String path, String body, int status, String contentType, String answer) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " body " + (body.length() > 120 ? body.substring(0, 120) + "…" : body);
            return method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + shown + " → " + status
                    + " " + contentType + " " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer);
        }
    }

    public static final List<String> GARBAGE_IDS = List.of("does-not-exist", "%00", "%C3%A9t%C3%A9", "..%2F..%2Fetc",
            "x".repeat(300), "%27%3B%20DROP%20TABLE%20x%3B--", "%F0%9F%98%80", "null", "%20");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final UnaryOperator<HttpRequest.Builder> authenticate;

    public OpenApiFuzz(String base, UnaryOperator<HttpRequest.Builder> authenticate) {
        this.base = base;
        this.authenticate = authenticate;
    }

    /** The operations of the document: method, path template, its query parameters and whether it takes a body. */
    public record Operation(String method, String path, List<JsonNode> query, JsonNode bodySchema) {
    }

    public List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<JsonNode> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p);
                }
            });
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), query,
                    body.isMissingNode() ? null : resolve(document, body)));
        }));
        return operations;
    }

    /**
     * Requests for one operation. {@code ids} gives, for a path variable, a valid value (first) and the hostile ones:
     * every combination with at least one hostile id is tried with a valid body; the valid path is tried with
     * every broken body and every broken query value.
     */
    public List<Exchange> attack(Operation operation, Function<String, List<String>> ids, String validBody) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        List<String> variables = variables(operation.path());
        Map<String, String> valid = new LinkedHashMap<>();
        variables.forEach(v -> valid.put(v, ids.apply(v).get(0)));
        for (String variable : variables) {
            List<String> values = ids.apply(variable);
            for (String hostile : values.subList(1, values.size())) {
                Map<String, String> path = new LinkedHashMap<>(valid);
                path.put(variable, hostile);
                exchanges.add(send(operation.method(), expand(operation.path(), path), validBody));
            }
        }
        String validPath = expand(operation.path(), valid);
        if (operation.bodySchema() != null) {
            for (String body : brokenBodies(validBody, operation.bodySchema())) {
                exchanges.add(send(operation.method(), validPath, body));
            }
        }
        for (JsonNode parameter : operation.query()) {
            for (String value : brokenValues(parameter.path("schema"))) {
                exchanges.add(send(operation.method(), validPath + "?" + parameter.path("name").asText() + "=" + value,
                        validBody));
            }
        }
        return exchanges;
    }

    public Exchange send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(authenticate.apply(request).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Exchange(method, path, body, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** Whether an answer is the refusal expected: 4xx, a problem document, no HTML, no Java text, bounded. */
    public static boolean isProperRefusal(Exchange exchange) {
        if (exchange.status() < 400 || exchange.status() >= 500) {
            return false;
        }
        if (!exchange.contentType().startsWith("application/problem+json") || exchange.answer().length() > 4_000) {
            return false;
        }
        String lower = exchange.answer().toLowerCase();
        if (lower.contains("<html") || lower.contains("exception") || lower.contains("java.")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(exchange.answer());
            return problem.path("type").asText().startsWith("https://labos-partenariats.fr/problems/")
                    && problem.path("status").asInt() == exchange.status() && !problem.path("title").asText().isBlank();
        } catch (Exception notJson) {
            return false;
        }
    }

    private List<String> brokenBodies(String validBody, JsonNode schema) throws Exception {
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "null", "\"x\"", "42", "{\"a\":", "\u0000",
                "{\"unknownField\": 1}", "{}", "é".repeat(40_000), "[" + "1,".repeat(30_000) + "1]"));
        JsonNode valid = JSON.readTree(validBody);
        Iterator<String> fields = schema.path("properties").fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            for (Object wrong : wrongValues(schema.path("properties").path(field))) {
                com.fasterxml.jackson.databind.node.ObjectNode copy = valid.deepCopy();
                copy.set(field, JSON.valueToTree(wrong));
                bodies.add(JSON.writeValueAsString(copy));
            }
        }
        return bodies;
    }

    /** Values of the wrong type for a property, or of the right type and out of bounds. */
    private List<Object> wrongValues(JsonNode property) {
        String type = property.path("type").asText(property.has("$ref") || property.has("properties") ? "object" : "");
        List<Object> values = new ArrayList<>(List.of(Map.of("x", 1), 8.5));
        switch (type) {
            case "string" -> {
                values.addAll(List.of(List.of(1, 2), 12, true, "x".repeat(property.path("maxLength").asInt(5_000) + 1)));
                if (property.has("enum") || property.has("format")) {
                    values.addAll(List.of("NOT_A_VALUE", "é😀\u0000", "x".repeat(60_000)));
                }
            }
            case "integer", "number" -> values.addAll(List.of(List.of(1, 2), "8", "x", true, 1e300));
            case "array" -> {
                values.addAll(List.of("x", 3, List.of("é😀\u0000"), List.of(8.5), List.of(Map.of("x", 1))));
                String items = property.path("items").path("type").asText();
                values.addAll(items.equals("integer") ? List.of(List.of("8"), List.of(true), List.of(0), List.of(18))
                        : List.of(List.of(3), List.of("NOT_A_VALUE")));
            }
            case "boolean" -> values.addAll(List.of(List.of(1, 2), "true", 1));
            default -> values.addAll(List.of(List.of(1, 2), "x", 3, true));
        }
        return values;
    }

    /**
     * Query values surely invalid for the parameter, so that a write never goes through: for numbers and booleans,
     * wrong types and values out of bounds; for strings, only values over their length (or over the container's 8 KB).
     */
    private List<String> brokenValues(JsonNode schema) {
        String type = schema.path("type").asText();
        List<String> values = new ArrayList<>(List.of("x".repeat(9_000)));
        switch (type) {
            case "integer", "number" -> {
                values.addAll(List.of("abc", "%00", "1e999", "99999999999999999999", "1.5", "%C3%A9"));
                if (schema.has("minimum")) {
                    values.add(Long.toString(schema.path("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(Long.toString(schema.path("maximum").asLong() + 1));
                }
            }
            case "boolean" -> values.addAll(List.of("maybe", "2", "%00"));
            case "string" -> {
                if (schema.has("maxLength")) {
                    values.add("y".repeat(schema.path("maxLength").asInt() + 1));
                }
            }
            default -> {
            }
        }
        return values;
    }

    private JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

}
