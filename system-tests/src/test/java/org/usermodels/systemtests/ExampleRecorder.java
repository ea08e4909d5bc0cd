package org.usermodels.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Records, from the exchanges the system tests make through the gateway, an example of each operation: the first
 * request the service accepted with what it answered, and the first answer of every other status an operation
 * gave (a 404 problem, a 409). The services publish them in their OpenAPI descriptions (service-support's
 * {@code RecordedExamples}), so that an example is what the system does rather than what someone typed.
 *
 * <p>Records only with {@code -Dusermodels.docs.update=true}, into each service's
 * {@code src/main/resources/openapi/examples.json}, merged with what is there: an operation or a status this run
 * did not see keeps its earlier example. Lists in bodies are cut to their first {@value #ITEMS} items and text
 * bodies (CSV, NDJSON) to their first {@value #LINES} lines, which keeps examples short and still valid.
 */
final class ExampleRecorder {

    static final int ITEMS = 2;
    static final int LINES = 4;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Service> services;

    private ExampleRecorder(Map<String, Service> services) {
        this.services = services;
    }

    /** A recorder when the build records docs, else none. */
    static Optional<ExampleRecorder> ifRecording(Path repository) {
        if (!Boolean.getBoolean("usermodels.docs.update")) {
            return Optional.empty();
        }
        var recorder = new ExampleRecorder(Map.of(
                "user-service", new Service(repository, "user-service"),
                "profile-service", new Service(repository, "profile-service")));
        Runtime.getRuntime().addShutdownHook(new Thread(recorder::write, "write-recorded-examples"));
        return Optional.of(recorder);
    }

    /** One exchange the contract validation passed. */
    record Exchange(
            String method,
            String path,
            @Nullable String requestType,
            @Nullable String requestBody,
            int status,
            @Nullable String responseType,
            byte[] responseBody) {}

    void record(String service, Exchange exchange) {
        services.get(service).record(exchange);
    }

    private void write() {
        services.values().forEach(Service::write);
    }

    /** The examples of one service, by operation id. */
    private static final class Service {

        private final Path file;
        private final List<Route> routes = new ArrayList<>();
        private final Map<String, ObjectNode> seen = new ConcurrentHashMap<>();

        Service(Path repository, String name) {
            this.file = repository.resolve(name + "/src/main/resources/openapi/examples.json");
            var description = read(repository.resolve("docs/api/" + name + ".openapi.json"));
            description
                    .path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .properties()
                            .forEach(operation -> routes.add(new Route(
                                    operation.getKey().toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    operation.getValue().path("operationId").asText()))));
        }

        void record(Exchange exchange) {
            var route = routes.stream()
                    .filter(candidate -> candidate.matches(exchange.method(), exchange.path()))
                    .min((one, other) -> Long.compare(one.variables(), other.variables()));
            if (route.isEmpty()) {
                return;
            }
            var example = seen.computeIfAbsent(route.get().operationId(), id -> JSON.createObjectNode());
            synchronized (example) {
                var responses = example.withObjectProperty("responses");
                var status = Integer.toString(exchange.status());
                if (responses.has(status)) {
                    return;
                }
                var success = exchange.status() / 100 == 2;
                if (success && !example.has("request") && exchange.requestBody() != null) {
                    body(exchange.requestType(), exchange.requestBody())
                            .ifPresent(request -> example.set("request", request));
                }
                var answer = exchange.responseBody().length == 0
                        ? Optional.<ObjectNode>empty()
                        : body(exchange.responseType(), new String(exchange.responseBody(), StandardCharsets.UTF_8));
                // an answer without a body (204, 304) has no example, but counts as seen
                responses.set(status, answer.orElseGet(JSON::createObjectNode));
            }
        }

        void write() {
            if (seen.isEmpty()) {
                return;
            }
            var known = routes.stream().map(Route::operationId).toList();
            var merged = new TreeMap<String, JsonNode>();
            if (Files.exists(file)) {
                read(file).properties().stream()
                        .filter(entry -> known.contains(entry.getKey()))
                        .forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
            }
            seen.forEach((operationId, example) -> {
                var into = merged.containsKey(operationId)
                        ? (ObjectNode) merged.get(operationId)
                        : JSON.createObjectNode();
                if (example.has("request")) {
                    into.set("request", example.get("request"));
                }
                var responses = new TreeMap<String, JsonNode>();
                into.path("responses").properties().forEach(entry -> responses.put(entry.getKey(), entry.getValue()));
                example.path("responses").properties().forEach(entry -> {
                    if (!entry.getValue().isEmpty()) {
                        responses.put(entry.getKey(), entry.getValue());
                    }
                });
                into.set("responses", JSON.valueToTree(responses));
                merged.put(operationId, into);
            });
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(merged) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A described operation, with its path template as a pattern. */
    private record Route(String method, String template, String operationId) {

        boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && Pattern.matches(template.replaceAll("\\{[^/}]+}", "[^/]+"), path);
        }

        long variables() {
            return template.chars().filter(character -> character == '{').count();
        }
    }

    /** A body as an example keeps it: JSON as JSON, text as its first lines, anything else not at all. */
    private static Optional<ObjectNode> body(@Nullable String contentType, String body) {
        if (contentType == null) {
            return Optional.empty();
        }
        var type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        var example = JSON.createObjectNode().put("contentType", type);
        if (type.equals("application/json") || type.endsWith("+json")) {
            try {
                return Optional.of(example.set("value", shorten(JSON.readTree(body))));
            } catch (IOException notJson) {
                return Optional.empty();
            }
        }
        if (type.startsWith("text/") || type.endsWith("ndjson")) {
            var lines = body.lines().limit(LINES).toList();
            return Optional.of(example.put("value", String.join("\n", lines) + "\n"));
        }
        return Optional.empty();
    }

    private static JsonNode shorten(JsonNode node) {
        if (node.isArray()) {
            ArrayNode shorter = JSON.createArrayNode();
            for (var i = 0; i < Math.min(ITEMS, node.size()); i++) {
                shorter.add(shorten(node.get(i)));
            }
            return shorter;
        }
        if (node.isObject()) {
            var copy = JSON.createObjectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), shorten(entry.getValue())));
            return copy;
        }
        return node;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
