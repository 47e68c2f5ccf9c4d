package org.redgrid.kernel.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.redgrid.kernel.problem.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States in the OpenAPI document what API Gateway and the functions enforce, so that clients and fuzzers see it:
 * every operation needs the bearer JWT (the HTTP API's default authorizer) and answers 401 without it and 403 out
 * of role or scope; every refusal is an RFC 9457 problem (schema {@code Problem}). An operation that declares its
 * own security — an empty list for a public one — keeps it and gets no 401/403.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecuredOperations implements OASFilter {

    /** quarkus.smallrye-openapi.security-scheme-name, left at its default. */
    static final String SCHEME = "SecurityScheme";
    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, List.of())));
            addIfAbsent(responses, "401", "未登录或令牌无效");
            addIfAbsent(responses, "403", "无权访问或超出管辖范围");
        }
        addIfAbsent(responses, "default", "请求被拒绝或出错（problem+json）");
        // Refusals the scanner documented (400 for validated input) carry the problem body too.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null) {
                response.setContent(problem());
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(ordered("field", text, "code", text, "message", text));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable code and zh-CN texts")
                .required(List.of("title", "status", "code"))
                .properties(ordered("type", text, "title", text, "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", text, "code", text, "instance", text,
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))));
        // Free-form JSON (a boundary's GeoJSON) is any object, not the Jackson JsonNode class the scanner describes.
        if (components.getSchemas() != null && components.getSchemas().containsKey("JsonNode")) {
            components.addSchema("JsonNode", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("任意 JSON 对象（如 GeoJSON 边界）"));
        }
        openAPI.setComponents(components);
    }

    /** Properties in the order given: Map.of iterates in a different order on every JVM, and the console's generated
     *  types are compared with the document in CI. */
    private static Map<String, Schema> ordered(Object... nameSchemaPairs) {
        Map<String, Schema> out = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            out.put((String) nameSchemaPairs[i], (Schema) nameSchemaPairs[i + 1]);
        }
        return out;
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }
}
