package fr.labos.partenariats.platform.problem;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes a service's OpenAPI document say what the API answers: 201 (with Location) or 204 where the controller does,
 * and every problem status an operation can give, each with the {@code Problem} schema.
 */
final class ProblemOpenApi implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

    static final String SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Invalid input or malformed request: `errors` names each field",
            401, "No valid bearer token",
            403, "The principal may not do this",
            404, "Unknown id, or an id of another kind",
            409, "The current state forbids it (already withdrawn, fulfilled...)",
            413, "Request body over the size limit",
            415, "Content-Type of the body not accepted by this operation",
            429, "Rate limit reached: retry after `Retry-After` seconds",
            503, "A store is unavailable or loading: retry after `Retry-After` seconds");

    private final List<ExtraProblems> extras;

    ProblemOpenApi(List<ExtraProblems> extras) {
        this.extras = extras;
    }

    /** Success status from the handler's signature: {@code ResponseEntity<Void>} is 204, a POST with a body 201. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        if (responses == null || !responses.containsKey("200")) {
            return operation;
        }
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        if (!ResponseEntity.class.equals(returned.resolve())) {
            return operation;
        }
        Class<?> body = returned.getGeneric(0).resolve();
        ApiResponse ok = responses.remove("200");
        if (body == null || Void.class.equals(body)) {
            responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
        } else if (handler.hasMethodAnnotation(PostMapping.class)) {
            responses.addApiResponse("201", ok.description("Created; its address is in Location")
                    .addHeaderObject("Location", new Header().description("Address of what was created")
                            .schema(new StringSchema())));
        } else {
            responses.addApiResponse("200", ok);
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schema(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        // Springdoc copies the exception handlers' signatures on every operation; they say nothing true.
        responses.keySet().removeIf(code -> code.equals("default") || code.startsWith("4") || code.startsWith("5"));
        TreeSet<Integer> statuses = new TreeSet<>(List.of(400, 401, 403, 429));
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(List.of(413, 415));
        }
        extras.forEach(extra -> statuses.addAll(extra.of(method.name(), path)));
        TreeSet<Integer> retryAfter = new TreeSet<>(List.of(429, 503));
        extras.forEach(extra -> retryAfter.addAll(extra.withRetryAfter(method.name(), path)));
        for (int status : statuses) {
            ApiResponse response = new ApiResponse().description(DESCRIPTIONS.getOrDefault(status, "Problem"))
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            if (retryAfter.contains(status)) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                        .schema(new IntegerSchema()));
            }
            responses.addApiResponse(Integer.toString(status), response);
        }
        operation.setResponses(responses);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("JSON path or parameter name, e.g. territory.code"));
        error.addProperty("message", new StringSchema().description("Why, in the reader's language"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem document; texts in French unless Accept-Language asks for English");
        problem.addProperty("type", new StringSchema().format("uri")
                .example(ProblemTypes.BASE + ProblemTypes.INVALID_INPUT.slug()));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(error).description("Input errors (400 only)"));
        problem.addProperty("retryAfterSeconds", new IntegerSchema().description("429 only"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
