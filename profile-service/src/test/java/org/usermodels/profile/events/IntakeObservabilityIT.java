package org.usermodels.profile.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.ClientTrace;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake's side of a trace through the outbox (docs/observability.md): an event delivered with a W3C
 * {@code traceparent} is applied in that trace, and its JSON log line names the trace and the event's tenant;
 * the tenant's requests are counted under its tenant tag.
 */
@ProfileServiceIT
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class IntakeObservabilityIT {

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void continuesTheTraceTheRelaySendsAndLogsItWithTheTenant(CapturedOutput output) {
        var api = new ProfileServiceApi(port);
        var tenant = api.createTenant();
        var user = UUID.randomUUID();
        var trace = ClientTrace.random();
        var event = ProfileServiceApi.event(
                "UserRegistered",
                tenant.id(),
                user,
                1,
                Map.of("userType", "customer", "username", "traced", "firstName", "Tracy", "lastName", "Span"));

        api.deliver(event, trace.traceParent()).statusCode(200);

        var intakeLine = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(json::readTree)
                .filter(line -> line.path("message").asString("").startsWith("Event " + event.get("id")))
                .findFirst();
        assertThat(intakeLine).hasValueSatisfying(line -> {
            assertThat(line.path("message").asString()).endsWith(": APPLIED");
            assertThat(line.path("traceId").asString(null)).isEqualTo(trace.traceId());
            assertThat(line.path("tenant").asString(null)).isEqualTo(tenant.slug());
            assertThat(line.path("requestId").asString("")).isNotBlank();
        });
    }

    @Test
    void countsEachTenantsRequestsUnderItsTenantTag() {
        var api = new ProfileServiceApi(port);
        var tenant = api.createTenant();
        var member = api.createMember(tenant, "user", "Counted");
        for (var i = 0; i < 2; i++) {
            api.as(member.token()).get("/profiles/me").then().statusCode(200);
        }

        var admin = ProfileServiceApi.tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().port(port)
                        .auth()
                        .oauth2(admin)
                        .queryParam("tag", "tenant:" + tenant.slug())
                        .queryParam("tag", "uri:/api/profiles/me")
                        .get("/actuator/metrics/http.server.requests")
                        .then()
                        .statusCode(200)
                        .body("measurements.find { it.statistic == 'COUNT' }.value", equalTo(2.0f)));
        // The events that made the tenant and the member came with the relay's token, which names no
        // tenant; they count under the tenant they named.
        given().port(port)
                .auth()
                .oauth2(admin)
                .queryParam("tag", "tenant:" + tenant.slug())
                .queryParam("tag", "uri:/internal/events")
                .get("/actuator/metrics/http.server.requests")
                .then()
                .statusCode(200)
                .body("measurements.find { it.statistic == 'COUNT' }.value", greaterThanOrEqualTo(2.0f));
    }
}
