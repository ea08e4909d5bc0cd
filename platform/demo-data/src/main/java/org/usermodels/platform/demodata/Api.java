package org.usermodels.platform.demodata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as the seeder calls it: the gateway with a bearer token, and Keycloak's token endpoint.
 * A request that fails to connect is repeated until the settings' wait runs out, so that the seeder may
 * start while the system is still warming up; creating requests carry an {@code Idempotency-Key}, which
 * makes their repetition safe.
 */
final class Api {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final DemoData.Settings settings;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    Api(DemoData.Settings settings) {
        this.settings = settings;
    }

    JsonMapper json() {
        return json;
    }

    /** A status, with the body parsed as JSON (an empty object when there is none) and the {@code ETag}. */
    record Answer(int status, JsonNode body, @Nullable String etag) {}

    /** An access token by the password grant on {@code usermodels-cli}; {@code scope} may be {@code null}. */
    String token(String username, String password, @Nullable String scope) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "password");
        form.put("client_id", "usermodels-cli");
        form.put("username", username);
        form.put("password", password);
        if (scope != null) {
            form.put("scope", scope);
        }
        var body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(settings.tokenEndpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var answer = send(request);
        if (answer.status() != 200) {
            throw new DemoData.SeedingFailed(
                    "Keycloak refused a token for %s: %d %s".formatted(username, answer.status(), answer.body()));
        }
        return answer.body().get("access_token").asString();
    }

    /** Calls the gateway and fails unless the status is one of {@code expected}. */
    JsonNode call(
            String method,
            String path,
            String token,
            @Nullable Object body,
            Map<String, String> headers,
            Set<Integer> expected) {
        var answer = exchange(method, path, token, body, headers);
        if (!expected.contains(answer.status())) {
            throw new DemoData.SeedingFailed("%s %s answered %d, expected %s: %s"
                    .formatted(method, path, answer.status(), expected, answer.body()));
        }
        return answer.body();
    }

    JsonNode get(String path, String token) {
        return call("GET", path, token, null, Map.of(), Set.of(200));
    }

    /** Calls the gateway and returns whatever it answered. */
    Answer exchange(String method, String path, String token, @Nullable Object body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(settings.gateway() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        var deadline = Instant.now().plus(settings.timeout());
        while (true) {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && Instant.now().isBefore(deadline)) {
                    // Over the tenant's quota at the gateway: the request never reached a service, so it is
                    // sent again, as late as the gateway asks.
                    pause(Duration.ofSeconds(response.headers()
                            .firstValue("Retry-After")
                            .map(Long::parseLong)
                            .orElse(1L)));
                    continue;
                }
                return new Answer(
                        response.statusCode(),
                        parse(response.body()),
                        response.headers().firstValue("ETag").orElse(null));
            } catch (IOException unreachable) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DemoData.SeedingFailed(
                            "%s is unreachable: %s".formatted(request.uri(), unreachable), unreachable);
                }
                pause(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoData.SeedingFailed("Interrupted while calling " + request.uri(), e);
            }
        }
    }

    /** The body as JSON; a body that is not JSON (a proxy's error page) as a text node, for the message. */
    private JsonNode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JacksonException notJson) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoData.SeedingFailed("Interrupted", e);
        }
    }
}
