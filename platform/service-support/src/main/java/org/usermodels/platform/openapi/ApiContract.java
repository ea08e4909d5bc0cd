package org.usermodels.platform.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.usermodels.platform.web.RequestIds;

/**
 * What every operation of a service can answer besides its success, added to the description where the
 * mechanism that answers it lives, once for all operations, so that no controller repeats it and none forgets
 * it:
 *
 * <ul>
 *   <li>the problems ({@code application/problem+json}) any request may get: 400 for a malformed request, 401
 *       without a valid token, 403 without the permission, 429 past the tenant's quota (at the gateway), 500 for
 *       a defect (with the request id to report), 503 while Keycloak or the database is unavailable, and the
 *       gateway's 502 and 504 when the service behind it fails to answer;
 *   <li>by the operation's shape: 404 when its path names a resource, 413 and 415 when it takes a body, 412 and
 *       428 when it takes {@code If-Match} (which is then required), 304 for a {@link Versioned} read;
 *   <li>the headers: the gateway's {@code X-RateLimit-*} on every answer, {@code Retry-After} on 429 and 503,
 *       {@code Location} on 201, {@code ETag} where {@link Versioned}, the request id on all;
 *   <li>bounds the lint asks of every string and integer that a type already implies: a UUID is 36
 *       characters, a date 10, a timestamp at most 35.
 * </ul>
 *
 * A problem an operation declares itself ({@code @ApiResponse(responseCode = "409", description = …)}) keeps its
 * description and gets the problem's body and headers.
 */
public class ApiContract implements GlobalOperationComponentsCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String RATE_LIMIT = "X-RateLimit-Limit";
    static final String RATE_REMAINING = "X-RateLimit-Remaining";
    static final String ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;

    /** What each status means, as every operation answers it unless it says otherwise. */
    private static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("400", "The request is malformed or invalid; `errors` names each field that is wrong.");
        STANDARD.put("401", "No valid bearer token (missing, expired, or not signed by the realm).");
        STANDARD.put("403", "The token is valid, but its user lacks the permission this operation needs.");
        STANDARD.put("404", "No such resource in the caller's tenant (another tenant's ids are not found either).");
        STANDARD.put("412", "`If-Match` names a version that is no longer current: read the resource again.");
        STANDARD.put("413", "The body is larger than the service accepts.");
        STANDARD.put("415", "The body's media type is not one this operation reads.");
        STANDARD.put("428", "`If-Match` is missing: send the `ETag` of the version the change is based on.");
        STANDARD.put("429", "The tenant's request quota is spent for now; retry after `Retry-After` seconds.");
        STANDARD.put("500", "A defect on our side; the problem's `requestId` finds it in the logs.");
        STANDARD.put("502", "The service behind the gateway closed the connection before it answered.");
        STANDARD.put("503", "Keycloak or the database is unavailable; retry after `Retry-After` seconds.");
        STANDARD.put("504", "The service behind the gateway did not answer in time.");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return customize(operation, null, handler);
    }

    @Override
    public Operation customize(Operation operation, @Nullable Components components, HandlerMethod handler) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        var parameters = operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters();
        for (var code : List.of("400", "401", "403", "429", "500", "502", "503", "504")) {
            problem(responses, code);
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            problem(responses, "404");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413");
            problem(responses, "415");
        }
        for (var parameter : parameters) {
            if ("header".equals(parameter.getIn())) {
                describeHeader(parameter, operation, responses);
            }
        }
        var patch = handler.getMethodAnnotation(MergePatch.class);
        if (patch != null) {
            operation.setRequestBody(mergePatchBody(patch.value(), components));
        }
        if (handler.hasMethodAnnotation(Versioned.class)) {
            responses.forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.addHeaderObject(HttpHeaders.ETAG, ref(HttpHeaders.ETAG));
                }
            });
            var conditional = List.of(handler.getMethod().getParameterTypes()).contains(WebRequest.class);
            if (conditional) {
                operation.addParametersItem(new Parameter()
                        .in("header")
                        .name(HttpHeaders.IF_NONE_MATCH)
                        .description("The `ETag` of the version the client holds: answered 304 while it is current.")
                        .schema(new StringSchema().maxLength(64)));
                responses.addApiResponse(
                        "304",
                        new ApiResponse()
                                .description("The version named in `If-None-Match` is still current.")
                                .addHeaderObject(HttpHeaders.ETAG, ref(HttpHeaders.ETAG)));
            }
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("4")) {
                response.addHeaderObject(RATE_LIMIT, ref(RATE_LIMIT));
                response.addHeaderObject(RATE_REMAINING, ref(RATE_REMAINING));
            }
            if (code.equals("201") || code.equals("202")) {
                response.addHeaderObject(HttpHeaders.LOCATION, ref(HttpHeaders.LOCATION));
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                // springdoc fills a declared response without content with the success's type: a problem is a
                // problem whatever the operation returns
                if (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON)) {
                    response.setContent(problemContent());
                }
                if (response.getDescription() == null
                        || response.getDescription().isBlank()) {
                    response.setDescription(STANDARD.getOrDefault(code, "A problem."));
                }
            }
            if (code.equals("429") || code.equals("503")) {
                response.addHeaderObject(HttpHeaders.RETRY_AFTER, ref(HttpHeaders.RETRY_AFTER));
            }
            response.addHeaderObject(RequestIds.HEADER, ref(RequestIds.HEADER));
            response.addHeaderObject(ALLOW_ORIGIN, ref(ALLOW_ORIGIN));
        });
        return operation;
    }

    private static void describeHeader(Parameter parameter, Operation operation, ApiResponses responses) {
        switch (Objects.requireNonNullElse(parameter.getName(), "")) {
            case HttpHeaders.IF_MATCH -> {
                parameter
                        .required(true)
                        .description("The `ETag` of the version this change is based on (or `*`, any current"
                                + " version), as RFC 9110 defines it.")
                        .schema(new StringSchema().maxLength(1024).example("\"3\""));
                problem(responses, "412");
                problem(responses, "428");
            }
            case "Idempotency-Key" -> {
                parameter
                        .description("A key of the client's, to send the same request again safely: a retry"
                                + " with the same key and body answers what the first answered, for 24 hours.")
                        .schema(new StringSchema().minLength(1).maxLength(255));
                answer(responses, "409", "A request with this `Idempotency-Key` is still being processed.");
                answer(responses, "422", "This `Idempotency-Key` was used with another request body.");
            }
            default -> {
                var schema = parameter.getSchema();
                if (schema != null && isString(schema) && schema.getMaxLength() == null) {
                    schema.setMaxLength(1024);
                }
            }
        }
    }

    /** The body of a merge patch of a resource: its properties, none required, each nullable. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static RequestBody mergePatchBody(Class<?> resource, @Nullable Components components) {
        var resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(new AnnotatedType(resource));
        if (components != null && resolved != null && resolved.referencedSchemas != null) {
            // the schemas the patch's properties refer to (a type's own fields), beside the others
            resolved.referencedSchemas.forEach((name, schema) -> {
                if (!name.equals(resource.getSimpleName())
                        && (components.getSchemas() == null
                                || !components.getSchemas().containsKey(name))) {
                    components.addSchemas(name, schema);
                }
            });
        }
        var patch = new ObjectSchema()
                .description("A JSON Merge Patch (RFC 7396) of a " + resource.getSimpleName()
                        + ": the properties it names are set, those it sets to null are cleared, those it leaves out kept;"
                        + " read-only ones (ids, timestamps, version) are refused.");
        Map<String, Schema> properties = resolved == null || resolved.schema == null
                ? Map.of()
                : Objects.requireNonNullElse(resolved.schema.getProperties(), Map.<String, Schema>of());
        properties.forEach(
                (name, property) -> patch.addProperty(name, nullable(patchOf(property, resolved, components))));
        var media = new MediaType().schema(patch);
        return new RequestBody()
                .required(true)
                .content(new Content()
                        .addMediaType("application/merge-patch+json", media)
                        .addMediaType("application/json", media));
    }

    /**
     * What a property of a merge patch takes: a nested object is merged too (RFC 7396), so it takes a patch of
     * that object, {@code XPatch} beside {@code X}: its properties, none required, each nullable.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> patchOf(
            Schema<?> property, @Nullable ResolvedSchema resolved, @Nullable Components components) {
        var ref = property.get$ref();
        if (ref == null || resolved == null || resolved.referencedSchemas == null || components == null) {
            return property;
        }
        var name = ref.substring(ref.lastIndexOf('/') + 1);
        Schema<?> target = resolved.referencedSchemas.get(name);
        if (target == null || target.getProperties() == null) {
            return property;
        }
        var patchName = name + "Patch";
        if (components.getSchemas() == null || !components.getSchemas().containsKey(patchName)) {
            var patch = new ObjectSchema().description("A merge patch of a " + name + ": the properties it names.");
            target.getProperties().forEach((field, schema) -> patch.addProperty(field, nullable((Schema) schema)));
            components.addSchemas(patchName, patch);
        }
        return new Schema<>().$ref(schemaRef(patchName));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> nullable(Schema<?> schema) {
        var nothing = new Schema<>();
        nothing.addType("null");
        return new Schema<>().anyOf(List.<Schema>of(schema, nothing));
    }

    private static void answer(ApiResponses responses, String code, String description) {
        var response = responses.get(code);
        if (response == null) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        } else if (response.getDescription() == null) {
            response.setDescription(description);
        } else if (!response.getDescription().contains(description)) {
            response.setDescription(response.getDescription() + " Or: " + description);
        }
    }

    private static void problem(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(STANDARD.get(code)));
        }
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(schemaRef(PROBLEM))));
    }

    @Override
    public void customise(OpenAPI openApi) {
        var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSchemas(
                "FieldProblem",
                new ObjectSchema()
                        .description("One invalid field of a request.")
                        .addProperty(
                                "field",
                                new StringSchema()
                                        .maxLength(500)
                                        .description(
                                                "The field's JSON name or path, e.g. `email` or `attributes.badgeId`."))
                        .addProperty(
                                "message", new StringSchema().maxLength(500).description("What is wrong with it."))
                        .required(List.of("field", "message")));
        components.addHeaders(RATE_LIMIT, header("Requests per second the tenant may make.", integer(1, 100_000)));
        components.addHeaders(RATE_REMAINING, header("Requests left in the current second.", integer(0, 100_000)));
        components.addHeaders(
                HttpHeaders.RETRY_AFTER, header("Seconds to wait before trying again.", integer(1, 86_400)));
        components.addHeaders(
                HttpHeaders.ETAG,
                header(
                        "The version of the resource, to send back in `If-Match` or `If-None-Match`.",
                        new StringSchema()
                                .maxLength(20)
                                .pattern("^\"\\d{1,18}\"$")
                                .example("\"3\"")));
        components.addHeaders(
                HttpHeaders.LOCATION,
                header(
                        "Where the new resource is, through the gateway.",
                        new StringSchema().format("uri").maxLength(2048)));
        components.addHeaders(
                RequestIds.HEADER,
                header(
                        "The request's id, in every log line and problem it caused; a client's own id of 8 to 64"
                                + " safe characters is kept.",
                        new StringSchema().maxLength(64).pattern("^[A-Za-z0-9._:-]{8,64}$")));
        components.addHeaders(
                ALLOW_ORIGIN,
                header(
                        "The gateway's CORS answer: the request's own origin, when it is one the gateway allows"
                                + " (`usermodels.gateway.cors.allowed-origins`); absent otherwise.",
                        new StringSchema().format("uri").maxLength(2048)));
        forEachSchema(openApi, ApiContract::boundByFormat);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("A problem, as RFC 9457 defines it, with the request's id and, for an invalid"
                        + " request, each field that is wrong.")
                .addProperty("type", new StringSchema().format("uri-reference").maxLength(2048))
                .addProperty("title", new StringSchema().maxLength(200).example("Invalid request"))
                .addProperty("status", integer(400, 599))
                .addProperty("detail", new StringSchema().maxLength(2000))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").maxLength(2048))
                .addProperty(RequestIds.KEY, new StringSchema().maxLength(64))
                .addProperty(
                        "requiredScope",
                        new StringSchema()
                                .maxLength(100)
                                .description("The scope a token must be requested with (a 403 for a token"
                                        + " that names no tenant)."))
                .addProperty(
                        "conflicts",
                        new ArraySchema()
                                .maxItems(1000)
                                .items(new StringSchema().maxLength(2000))
                                .description("What existing data breaks a change of definitions (a 409)."))
                .addProperty(
                        "errors",
                        new ArraySchema().maxItems(1000).items(new Schema<>().$ref(schemaRef("FieldProblem"))))
                .required(List.of("title", "status"))
                // RFC 9457 lets a problem type add members of its own; a client ignores those it does not know
                .additionalProperties(true);
    }

    /**
     * Strings whose format bounds their length, bounded so in the description too; and integers without bounds
     * of their own, bounded by their type (a count in a map of counts, say).
     */
    private static void boundByFormat(Schema<?> schema) {
        if (isType(schema, "integer") && schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
            var wide = !"int32".equals(schema.getFormat());
            schema.setMinimum(BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
                schema.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (!isString(schema) || schema.getMaxLength() != null || schema.getEnum() != null) {
            return;
        }
        switch (Objects.requireNonNullElse(schema.getFormat(), "")) {
            case "uuid" -> schema.minLength(36).maxLength(36);
            case "date" -> schema.maxLength(10);
            case "date-time" -> schema.maxLength(35);
            case "uri", "uri-reference" -> schema.maxLength(2048);
            default -> {}
        }
    }

    private static boolean isString(Schema<?> schema) {
        return isType(schema, "string");
    }

    private static boolean isType(Schema<?> schema, String type) {
        return type.equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains(type));
    }

    /** Every schema of the description: components, parameters, bodies and responses, and all they nest. */
    static void forEachSchema(OpenAPI openApi, Consumer<Schema<?>> action) {
        var walker = new Walker(action);
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(walker::walk);
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> walker.walk(parameter.getSchema()));
                    }
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation
                                .getRequestBody()
                                .getContent()
                                .values()
                                .forEach(media -> walker.walk(media.getSchema()));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(response -> {
                            if (response.getContent() != null) {
                                response.getContent().values().forEach(media -> walker.walk(media.getSchema()));
                            }
                        });
                    }
                }));
    }

    private record Walker(Consumer<Schema<?>> action) {
        @SuppressWarnings("rawtypes")
        void walk(@Nullable Schema<?> schema) {
            if (schema == null) {
                return;
            }
            action.accept(schema);
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(this::walk);
            }
            walk(schema.getItems());
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                walk(additional);
            }
            for (var list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(this::walk);
                }
            }
        }
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static Header ref(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static String schemaRef(String name) {
        return "#/components/schemas/" + name;
    }

    private static IntegerSchema integer(long minimum, long maximum) {
        var schema = new IntegerSchema();
        schema.minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
        return schema;
    }
}
