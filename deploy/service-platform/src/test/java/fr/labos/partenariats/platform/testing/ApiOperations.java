package fr.labos.partenariats.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.BiConsumer;

/** The operations of a service's OpenAPI document under {@code /api/}, for tests of what the document declares. */
public final class ApiOperations {

    private ApiOperations() {
    }

    /** Each operation under {@code /api/} of the document's {@code paths}, named « METHOD /path ». */
    public static void forEach(JsonNode paths, BiConsumer<String, JsonNode> check) {
        paths.fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fields().forEachRemaining(operation ->
                        check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
            }
        });
    }
}
