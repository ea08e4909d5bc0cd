package org.usermodels.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Holds every answer the system tests get from the API to the contract: each response to a request under
 * {@code /api/} is validated against the stored OpenAPI description of the service it belongs to
 * (docs/api/*.openapi.json, the files the build lints and generates clients from) by Atlassian's validator,
 * which reads OpenAPI 3.1. Its status must be one the operation declares, its body must match that status's
 * schema, and its declared headers theirs; a response that does not fails the test that received it.
 *
 * <p>With {@code -Dusermodels.docs.update=true}, the answers it passes are also what the descriptions' examples are
 * recorded from ({@link ExampleRecorder}).
 *
 * <p>Installed once for the test JVM by {@link RunningSystem}; {@link #validated()} tells how many answers it
 * has checked, so that a suite can show it was not idle.
 */
final class ContractValidation implements Filter {

    private static final AtomicInteger VALIDATED = new AtomicInteger();

    private final OpenApiInteractionValidator users;
    private final OpenApiInteractionValidator profiles;
    private final Optional<ExampleRecorder> examples;

    ContractValidation(Path repository) {
        this.users = validator(repository.resolve("docs/api/user-service.openapi.json"));
        this.profiles = validator(repository.resolve("docs/api/profile-service.openapi.json"));
        this.examples = ExampleRecorder.ifRecording(repository);
    }

    private static OpenApiInteractionValidator validator(Path description) {
        return OpenApiInteractionValidator.createForSpecificationUrl(
                        description.toUri().toString())
                // a path or method the description does not have is the gateway's to answer (a 404 problem), and
                // those tests check it themselves: only the described operations are held to the description
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** How many responses have been validated in this JVM. */
    static int validated() {
        return VALIDATED.get();
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        var response = context.next(request, expected);
        var path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        var validator = path.startsWith("/api/profiles") ? profiles : users;
        var answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.asByteArray());
        response.getHeaders().asList().forEach(header -> answer.withHeader(header.getName(), header.getValue()));
        var report = validator.validateResponse(
                path, Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT)), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("%s %s answered %d, which its OpenAPI description does not allow:%n%s%n%s"
                    .formatted(
                            request.getMethod(), path, response.statusCode(), describe(report), response.asString()));
        }
        VALIDATED.incrementAndGet();
        examples.ifPresent(recorder -> recorder.record(
                validator == profiles ? "profile-service" : "user-service",
                new ExampleRecorder.Exchange(
                        request.getMethod().toUpperCase(Locale.ROOT),
                        path,
                        request.getContentType(),
                        sentBody(request.getBody()),
                        response.statusCode(),
                        response.getContentType(),
                        response.asByteArray())));
        return response;
    }

    /** The body RestAssured sent, serialized by then: a string, or bytes for a file's content. */
    private static @Nullable String sentBody(@Nullable Object body) {
        return switch (body) {
            case String text -> text;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case null, default -> null;
        };
    }

    private static String describe(ValidationReport report) {
        var text = new StringBuilder();
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> text.append("  - ")
                        .append(message.getKey())
                        .append(": ")
                        .append(message.getMessage())
                        .append('\n'));
        return text.toString();
    }
}
