package org.usermodels.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of a run, shared by every side of every comparison, so that no side gets a better
 * connection pool than another: HTTP/1.1 with keep-alive, as curl, a browser or a generated client talks to a
 * REST API.
 */
final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** What came back: the status, the body and the headers that the benchmark reads. */
    record Answer(int status, byte[] body, @Nullable String location) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    JsonMapper json() {
        return json;
    }

    /** Sends a request and reads the whole body, as a client would. */
    Answer send(HttpRequest request) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new BenchmarkFailed("%s %s failed: %s".formatted(request.method(), request.uri(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("Interrupted calling " + request.uri(), e);
        }
    }

    /** Sends a request and fails unless it answered {@code expected}. */
    Answer expect(int expected, HttpRequest request) {
        var answer = send(request);
        if (answer.status() != expected) {
            throw new BenchmarkFailed("%s %s answered %d, expected %d: %s"
                    .formatted(request.method(), request.uri(), answer.status(), expected, abbreviate(answer.text())));
        }
        return answer;
    }

    JsonNode parse(Answer answer) {
        return json.readTree(answer.body());
    }

    static HttpRequest.Builder get(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET();
    }

    HttpRequest.Builder postJson(URI uri, String token, Object body) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    HttpRequest.Builder putJson(URI uri, String token, Object body) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    static HttpRequest form(URI uri, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
