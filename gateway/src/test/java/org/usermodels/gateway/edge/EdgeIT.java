package org.usermodels.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.platform.infra.FreePorts;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;

/**
 * The gateway with tokens from a real Keycloak, routing to a recording stand-in for user-service (so that
 * what reaches a service can be seen) and to a port where nothing listens (a stopped profile-service).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealKeycloak
class EdgeIT {

    static final RecordingUpstream userService = RecordingUpstream.start();
    static final int stoppedProfileService = FreePorts.find();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("usermodels.gateway.user-service-uri", () -> "http://localhost:" + userService.port());
        registry.add("usermodels.gateway.profile-service-uri", () -> "http://localhost:" + stoppedProfileService);
    }

    @AfterAll
    static void stopUpstream() {
        userService.stop();
    }

    @BeforeEach
    void forget() {
        userService.requests().clear();
    }

    RequestSpecification gateway() {
        return given().port(port);
    }

    @Test
    void forwardsTheBearerTokenAndARequestIdButNeverTheClientsTenantHeader() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        var response = gateway()
                .auth()
                .oauth2(token)
                .header("X-Tenant-Id", "4b0a2c8e-0000-0000-0000-000000000000")
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .extract();

        var received = userService.requests().getFirst();
        assertThat(received.path()).isEqualTo("/api/users/me");
        assertThat(received.headers()).containsEntry("authorization", "Bearer " + token);
        assertThat(received.headers()).doesNotContainKey("x-tenant-id");
        assertThat(received.headers().get("x-request-id")).hasSize(36);
        assertThat(response.header("X-Request-Id")).isEqualTo(received.headers().get("x-request-id"));
    }

    @Test
    void keepsAReasonableRequestIdChosenByTheClient() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        gateway()
                .auth()
                .oauth2(token)
                .header("X-Request-Id", "client-chosen-id-42")
                .get("/api/groups")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("client-chosen-id-42"));

        assertThat(userService.requests().getFirst().headers()).containsEntry("x-request-id", "client-chosen-id-42");
    }

    @Test
    void routesEveryUserServicePath() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        for (var path : List.of("/api/users/me", "/api/groups", "/api/tenant/attributes", "/api/tenants/acme")) {
            gateway().auth().oauth2(token).get(path).then().statusCode(200);
        }

        assertThat(userService.requests())
                .extracting(RecordedRequest::path)
                .containsExactly("/api/users/me", "/api/groups", "/api/tenant/attributes", "/api/tenants/acme");
    }

    @Test
    void turnsAwayARequestWithoutTokenBeforeItReachesAService() {
        gateway()
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("requestId", notNullValue())
                .body("instance", equalTo("/api/users/me"));

        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void turnsAwayAnInvalidToken() {
        gateway()
                .auth()
                .oauth2("not.a.jwt")
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\".*"));

        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void answersPathsWithoutRouteAsNotFound() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        for (var path : List.of("/internal/events", "/api/unknown", "/")) {
            gateway()
                    .auth()
                    .oauth2(token)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("requestId", notNullValue());
        }
        assertThat(userService.requests()).isEmpty();
    }

    @Test
    void answersAStoppedServiceWith503Problem() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        gateway()
                .auth()
                .oauth2(token)
                .get("/api/profiles/me")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("The service behind this API is not available."))
                .body("requestId", notNullValue());
    }

    @Test
    void exposesHealthWithoutToken() {
        gateway().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
    }

    record RecordedRequest(String path, Map<String, String> headers) {}

    /** Answers 200 to everything and remembers what it received. */
    record RecordingUpstream(HttpServer server, List<RecordedRequest> requests) {

        static RecordingUpstream start() {
            try {
                var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                var requests = new CopyOnWriteArrayList<RecordedRequest>();
                server.createContext("/", exchange -> {
                    var headers = new ConcurrentHashMap<String, String>();
                    exchange.getRequestHeaders()
                            .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
                    requests.add(new RecordedRequest(exchange.getRequestURI().getPath(), headers));
                    var body = "{}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return new RecordingUpstream(server, requests);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
