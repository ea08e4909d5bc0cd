package org.usermodels.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts into the description the examples the system tests recorded from real exchanges through the gateway:
 * for each operation a request the service accepted and what it answered, one example per status seen. They are
 * never typed by hand, as the SQL in the docs is not: {@code ContractValidation} in system-tests records them
 * with {@code -Dusermodels.docs.update=true} into the service's {@value #RESOURCE}, and checks on every run that
 * what it gets still matches the description those examples are part of.
 *
 * <p>The file maps each operation id to {@code {"request": {"contentType": …, "value": …}, "responses": {"201":
 * {…}}}}; a media type the operation does not declare (nor {@code *}{@code /*}) is left out, so an example never
 * adds to the contract.
 */
public class RecordedExamples implements GlobalOpenApiCustomizer {

    /** Where a service keeps its recorded examples, on its class path. */
    public static final String RESOURCE = "openapi/examples.json";

    static final String NAME = "recorded";

    private final JsonNode examples;

    public RecordedExamples() {
        this(new ClassPathResource(RESOURCE));
    }

    RecordedExamples(ClassPathResource resource) {
        if (!resource.exists()) {
            this.examples = JsonMapper.shared().createObjectNode();
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            this.examples = JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::addTo));
    }

    private void addTo(Operation operation) {
        var recorded = operation.getOperationId() == null ? null : examples.get(operation.getOperationId());
        if (recorded == null) {
            return;
        }
        if (operation.getRequestBody() != null && recorded.has("request")) {
            add(operation.getRequestBody().getContent(), recorded.get("request"), "A request the service accepted.");
        }
        if (operation.getResponses() != null) {
            for (var status : recorded.path("responses").properties()) {
                var response = operation.getResponses().get(status.getKey());
                if (response != null) {
                    add(response.getContent(), status.getValue(), "What the service answered.");
                }
            }
        }
    }

    private static void add(@Nullable Content content, JsonNode example, String summary) {
        if (content == null) {
            return;
        }
        // an answer springdoc describes as any media type (*/*) shows the one it was given in
        MediaType media = content.getOrDefault(example.path("contentType").asString(""), content.get("*/*"));
        if (media == null) {
            return;
        }
        var named = new LinkedHashMap<String, Example>(media.getExamples() == null ? Map.of() : media.getExamples());
        named.put(NAME, new Example().summary(summary).value(plain(example.get("value"))));
        media.setExamples(named);
    }

    /** The value as maps, lists and scalars, which swagger-core's own JSON writer serializes as they are. */
    private static @Nullable Object plain(@Nullable JsonNode value) {
        return value == null || value.isNull() ? null : JsonMapper.shared().treeToValue(value, Object.class);
    }
}
