package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the OpenAPI description stored in {@code docs/api/} equal to the one the service publishes, so that a
 * change of the API shows in review as a change of its contract, and the lint and the clients generated in the
 * build read what the service serves. As {@link DocumentedSql}, it rewrites the file instead of failing when the
 * build runs with {@code -Dusermodels.docs.update=true}.
 *
 * <p>The stored description is the one {@code bin/dev} serves: the issuer the tests' Keycloak has is replaced by
 * {@code bin/dev}'s, {@value #ISSUER}.
 */
public final class DocumentedContract {

    /** The issuer of {@code bin/dev}'s Keycloak, as the stored descriptions name it. */
    public static final String ISSUER = "http://localhost:8180/realms/usermodels";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DocumentedContract() {}

    /**
     * What a client generated from the description needs of it, checked on the description a service serves:
     * every operation has a summary, a tag and an operation id of its own (a verb and a noun, never springdoc's
     * {@code create_1}); no parameter leaks from the service's insides (the tenant, which the token carries, or
     * a map of all query parameters); every operation declares the problems any request can get, with the
     * problem's body; and {@code If-Match}, where taken, is required.
     */
    public static void assertContract(String description) {
        var root = JSON.readTree(description);
        var operationIds = new java.util.HashSet<String>();
        var operations = 0;
        for (var path : root.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                var operation = method.getValue();
                var name = method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                operations++;
                assertThat(operation.path("summary").asString(""))
                        .as("summary of %s", name)
                        .isNotBlank();
                assertThat(operation.path("tags").size()).as("tags of %s", name).isPositive();
                var operationId = operation.path("operationId").asString("");
                assertThat(operationId).as("operationId of %s", name).matches("[a-z]+[A-Z][A-Za-z]*");
                assertThat(operationIds.add(operationId))
                        .as("%s's operationId %s is unique", name, operationId)
                        .isTrue();
                for (var parameter : operation.path("parameters")) {
                    assertThat(parameter.path("name").asString())
                            .as("a parameter of %s", name)
                            .isNotIn("tenant", "parameters");
                    if (parameter.path("name").asString().equals("If-Match")) {
                        assertThat(parameter.path("required").asBoolean())
                                .as("If-Match of %s", name)
                                .isTrue();
                    }
                }
                assertThat(operation.path("responses").propertyNames().stream().anyMatch(code -> code.startsWith("2")))
                        .as("%s declares its success", name)
                        .isTrue();
                if (!Boolean.getBoolean("usermodels.docs.update")) {
                    assertRecordedExamples(name, operation);
                }
                for (var status : java.util.List.of("400", "401", "403", "429", "500", "503")) {
                    assertThat(operation
                                    .path("responses")
                                    .path(status)
                                    .path("content")
                                    .has("application/problem+json"))
                            .as("%s answers %s as a problem", name, status)
                            .isTrue();
                }
            }
        }
        assertThat(operations).as("operations described").isGreaterThan(5);
    }

    /**
     * Every operation shows a request it accepts (when it takes a body) and a successful answer (when its success
     * has a body), as the system tests recorded them (service-support's {@code RecordedExamples}). While docs are
     * being recorded the check waits: the examples of a new operation are recorded from the description that
     * names it.
     */
    private static void assertRecordedExamples(String name, tools.jackson.databind.JsonNode operation) {
        var advice = "%s has no recorded example of its %s; run the system tests with"
                + " -Dusermodels.docs.update=true, then this test with it";
        if (operation.has("requestBody")) {
            assertThat(operation.path("requestBody").path("content").values().stream()
                            .anyMatch(media -> media.has("examples")))
                    .as(advice, name, "request")
                    .isTrue();
        }
        var successes = operation.path("responses").properties().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .filter(response -> response.getValue().has("content"))
                .toList();
        if (!successes.isEmpty()) {
            assertThat(successes.stream()
                            .anyMatch(response -> response.getValue().path("content").values().stream()
                                    .anyMatch(media -> media.has("examples"))))
                    .as(advice, name, "success")
                    .isTrue();
        }
    }

    /** The stored description of a service, e.g. {@code user-service}. */
    public static Path file(String service) {
        return DocumentedSql.repository().resolve("docs/api/" + service + ".openapi.json");
    }

    /**
     * Checks (or writes) the stored description of a service.
     *
     * @param description the description as the service serves it at {@code /v3/api-docs}
     * @param issuer the issuer the service trusts in this test
     */
    public static void matches(String service, String description, String issuer) {
        var expected = JSON.writeValueAsString(JSON.readTree(description.replace(issuer, ISSUER))) + "\n";
        var file = file(service);
        try {
            if (Boolean.getBoolean("usermodels.docs.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected);
                return;
            }
            assertThat(file).as("docs/api/%s.openapi.json", service).exists();
            assertThat(Files.readString(file))
                    .as(
                            "the stored description docs/api/%s.openapi.json; rerun with"
                                    + " -Dusermodels.docs.update=true to take the new one",
                            service)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
