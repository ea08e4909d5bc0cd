package org.usermodels.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations of the stored OpenAPI descriptions, as the fuzz suite generates requests for them: method,
 * path template, parameters and the bodies each takes, with their schemas. Read from the same files the build
 * lints and the system tests validate against, so that a new operation is fuzzed as soon as it is described.
 */
final class FuzzOperations {

    /** One parameter: where it goes, whether it must be there, and its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {}

    /** One operation of one description; {@code bodies} names each media type it reads with its schema. */
    record Operation(
            String id, String method, String path, List<Parameter> parameters, List<Body> bodies, Description of) {

        @Override
        public String toString() {
            return method + " " + path + " (" + id + ")";
        }
    }

    record Body(String mediaType, JsonNode schema) {}

    /** A description, to resolve the {@code $ref}s of its schemas. */
    record Description(String service, JsonNode root) {

        /** The schema itself, or the one a {@code $ref} names. */
        JsonNode resolve(JsonNode schema) {
            var reference = schema.path("$ref").asText("");
            if (reference.startsWith("#/")) {
                return root.at(reference.substring(1));
            }
            return schema;
        }
    }

    private FuzzOperations() {}

    static List<Operation> read(Path repository) {
        var operations = new ArrayList<Operation>();
        for (var service : List.of("user-service", "profile-service")) {
            operations.addAll(read(service, repository.resolve("docs/api/" + service + ".openapi.json")));
        }
        return List.copyOf(operations);
    }

    private static List<Operation> read(String service, Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var description = new Description(service, root);
        var operations = new ArrayList<Operation>();
        root.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    var operation = method.getValue();
                    var parameters = new ArrayList<Parameter>();
                    operation
                            .path("parameters")
                            .forEach(parameter -> parameters.add(new Parameter(
                                    parameter.path("name").asText(),
                                    parameter.path("in").asText(),
                                    parameter.path("required").asBoolean(false),
                                    parameter.path("schema"))));
                    var bodies = new ArrayList<Body>();
                    Optional.ofNullable(operation.get("requestBody"))
                            .map(body -> description.resolve(body).path("content"))
                            .ifPresent(content -> content.properties()
                                    .forEach(media -> bodies.add(new Body(
                                            media.getKey(), media.getValue().path("schema")))));
                    operations.add(new Operation(
                            operation.path("operationId").asText(),
                            method.getKey().toUpperCase(Locale.ROOT),
                            path.getKey(),
                            List.copyOf(parameters),
                            List.copyOf(bodies),
                            description));
                }));
        return operations;
    }
}
