package org.usermodels.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.ClientTrace;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway adds to observability (docs/observability.md): the client's trace continues to the
 * service behind it (W3C {@code traceparent}), its JSON access log line names the request id, the tenant of
 * the verified token and the trace, and its request metrics carry the tenant tag.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@RealKeycloak
@ExtendWith(OutputCaptureExtension.class)
class EdgeObservabilityIT {

    @RegisterExtension
    static final StandInService userService = StandInService.start();

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        userService.standInFor(registry, "user-service");
    }

    @Test
    void continuesTheClientsTraceToTheServiceAndLogsItWithRequestIdAndTenant(CapturedOutput output) {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");
        var trace = ClientTrace.random();
        var requestId = "edge-trace-" + ClientTrace.hex(4);

        given().port(port)
                .auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .header("traceparent", trace.traceParent())
                .get("/api/users/me")
                .then()
                .statusCode(200);

        var forwarded = userService.requests().stream()
                .filter(request -> requestId.equals(request.headers().get("x-request-id")))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.headers().get("traceparent"))
                .as("the service's span is a child of the gateway's, in the client's trace")
                .matches(trace.descendantPattern());
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut()
                                .lines()
                                .filter(line -> line.startsWith("{"))
                                .map(json::readTree)
                                .filter(line ->
                                        requestId.equals(line.path("requestId").asString(null))))
                        .as("the access log line of the request")
                        .anySatisfy(line -> {
                            assertThat(line.path("message").asString()).startsWith("GET /api/users/me -> user-service");
                            assertThat(line.path("tenant").asString(null)).isEqualTo(UsermodelsRealm.DEMO_ORGANIZATION);
                            assertThat(line.path("traceId").asString(null)).isEqualTo(trace.traceId());
                        }));
    }

    @Test
    void countsRequestsUnderTheTenantOfTheirToken() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");
        var before = demoRequests();

        for (var i = 0; i < 2; i++) {
            given().port(port).auth().oauth2(token).get("/api/groups").then().statusCode(200);
        }
        given().port(port).get("/api/groups").then().statusCode(401);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(demoRequests()).isEqualTo(before + 2));
        assertThat(meters.find("http.server.requests")
                        .tag("tenant", "none")
                        .tag("status", "401")
                        .timer())
                .as("a request without a token counts under none")
                .isNotNull();
    }

    @Test
    void showsTheMetricsPerTenantToPlatformAdministratorsOnly() {
        var tokens = KeycloakTokens.ofTestKeycloak();
        var demo = tokens.password(UsermodelsRealm.DEMO_USER, "organization");
        given().port(port).auth().oauth2(demo).get("/api/groups").then().statusCode(200);

        given().port(port)
                .auth()
                .oauth2(demo)
                .get("/actuator/metrics/http.server.requests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().port(port)
                .auth()
                .oauth2(tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "openid"))
                .queryParam("tag", "tenant:" + UsermodelsRealm.DEMO_ORGANIZATION)
                .get("/actuator/metrics/http.server.requests")
                .then()
                .statusCode(200)
                .body("measurements.find { it.statistic == 'COUNT' }.value", greaterThanOrEqualTo(1.0f));
    }

    private long demoRequests() {
        return meters.find("http.server.requests").tag("tenant", UsermodelsRealm.DEMO_ORGANIZATION).timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
