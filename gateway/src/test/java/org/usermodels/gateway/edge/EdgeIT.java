package org.usermodels.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.infra.FreePorts;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;

/**
 * The gateway with tokens from a real Keycloak, routing to a stand-in for user-service (so that
 * what reaches a service can be seen) and to a port where nothing listens (a stopped profile-service).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealKeycloak
class EdgeIT {

    @RegisterExtension
    static final StandInService userService = StandInService.start();

    static final int stoppedProfileService = FreePorts.find();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        userService.standInFor(registry, "user-service");
        registry.add("usermodels.gateway.profile-service-uri", () -> "http://localhost:" + stoppedProfileService);
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

    /**
     * The services build their links from X-Forwarded-*: the gateway sends its own view of the request there,
     * whatever a client claims (docs/api-robustness.md, "Links").
     */
    @Test
    void tellsTheServiceWhereTheClientCalledAndNeverWhatTheClientClaims() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        gateway()
                .auth()
                .oauth2(token)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil")
                .header("Forwarded", "host=evil.example;proto=https")
                .get("/api/users/me")
                .then()
                .statusCode(200);

        var received = userService.requests().getFirst().headers();
        assertThat(received)
                .containsEntry("x-forwarded-host", "localhost:" + port)
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", Integer.toString(port))
                .doesNotContainKey("forwarded")
                .doesNotContainKey("x-forwarded-prefix");
        assertThat(received.get("x-forwarded-for")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
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
                .extracting(StandInService.ReceivedRequest::path)
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
}
