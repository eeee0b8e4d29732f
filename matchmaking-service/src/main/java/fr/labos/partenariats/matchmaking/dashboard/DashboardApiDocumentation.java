package fr.labos.partenariats.matchmaking.dashboard;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * The dashboards' answers in the OpenAPI document. Each handler answers JSON of its own shape, or CSV for French Excel
 * ({@code format=csv}, or {@code Accept: text/csv} without {@code format}), hence a {@code ResponseEntity<Object>}
 * that tells springdoc neither: the 200 of each {@link DashboardAnswer} handler says both, with the CSV's file name
 * and the values {@code format} takes.
 */
@Component
class DashboardApiDocumentation implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    /** The records the handlers answer in JSON. */
    private static final List<Class<?>> SHAPES = List.of(DashboardViews.Funnel.class, DashboardViews.Breakdown.class,
            DashboardViews.Delays.class);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        DashboardAnswer answer = handler.getMethodAnnotation(DashboardAnswer.class);
        if (answer == null) {
            return operation;
        }
        operation.getResponses().addApiResponse("200", new ApiResponse()
                .description("JSON, or CSV (an attachment) with format=csv, or without format with Accept: text/csv")
                .addHeaderObject("Content-Disposition", new Header()
                        .description("With CSV only: attachment; filename=mises-en-relation-<view>.csv")
                        .schema(new StringSchema()))
                .content(new Content()
                        .addMediaType("application/json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + answer.value().getSimpleName())))
                        .addMediaType("text/csv", new MediaType().schema(new StringSchema().format("binary")))));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(parameter -> "format".equals(parameter.getName()))
                    .forEach(parameter -> parameter.schema(new StringSchema()._enum(List.of("json", "csv"))));
        }
        return operation;
    }

    /** The shapes' schemas, and those they refer to: no handler's signature names them. */
    @Override
    public void customise(OpenAPI openApi) {
        for (Class<?> shape : SHAPES) {
            ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(shape));
            openApi.getComponents().addSchemas(shape.getSimpleName(), resolved.schema);
            resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        }
    }
}
