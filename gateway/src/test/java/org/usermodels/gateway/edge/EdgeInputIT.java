package org.usermodels.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RawHttp;
import org.usermodels.platform.testsupport.RealKeycloak;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway refuses for what a request is made of is a problem with the request id, and never
 * reaches a service: URLs the firewall refuses, URLs and headers over the limits, control characters in
 * headers, declared bodies over the limit. An import's upload is let through to the service, which limits it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealKeycloak
class EdgeInputIT {

    @RegisterExtension
    static final StandInService userService = StandInService.start();

    private static final HttpClient client = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static String token;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        userService.standInFor(registry, "user-service");
    }

    @BeforeAll
    static void token() {
        token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");
    }

    @Test
    void urlsTheFirewallRefusesAreProblems() throws Exception {
        for (var path : List.of("/api/users/%00", "/api/users/%2e%2e/tenants", "/api/users;jsessionid=1")) {
            var response = send(request(path).GET());

            assertProblem(response, 400);
        }
        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void aUrlOverTheLimitIsA414Problem() throws Exception {
        var response = send(request("/api/users?q=" + "a".repeat(9_000)).GET());

        assertProblem(response, 414);
        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws Exception {
        var response = send(request("/api/users/me")
                .header("X-Padding-1", "p".repeat(9_000))
                .header("X-Padding-2", "p".repeat(9_000))
                .GET());

        assertProblem(response, 431);
        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemButAnImportGoesThrough() throws Exception {
        var large = new byte[1_100_000];

        // the client waits for "100 Continue", so that the gateway's early answer does not race the upload
        var refused = send(request("/api/users")
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
        assertProblem(refused, 413);
        assertThat(userService.requests()).isEmpty();

        var upload = send(request("/api/users/imports")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(userService.requestsTo("/api/users/imports")).hasSize(1);
    }

    @Test
    void aControlCharacterInAHeaderIsAProblem() {
        var answer = RawHttp.get(port, "/api/users/me", token, "X-Note: a\u0001b");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("\"requestId\"");
        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void aHeaderNameThatIsNoTokenIsAProblem() {
        var answer = RawHttp.get(port, "/api/users/me", token, "X(Note): b");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(userService.requests()).isEmpty();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("requestId").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }
}
