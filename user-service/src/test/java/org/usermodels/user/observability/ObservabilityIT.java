package org.usermodels.user.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.platform.testsupport.ClientTrace;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.RecordSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.EventReceiver;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of user-service (docs/observability.md): JSON log lines with the request id, the
 * tenant and the trace; a client's trace kept through the outbox into the relay's call to profile-service
 * (the recording {@link EventReceiver} stands in for it; the relay runs on its schedule); and the HTTP server
 * metrics tagged by tenant.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.reconciler.enabled=false",
            "usermodels.outbox.relay.interval=100ms",
            "logging.structured.format.console=ecs"
        })
@FreshDatabase("users")
@RealKeycloak
@RecordSql
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    static final EventReceiver profileService = EventReceiver.start();
    static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void target(DynamicPropertyRegistry registry) {
        registry.add("usermodels.outbox.relay.target", () -> profileService.url() + "/internal/events");
    }

    @AfterAll
    static void stop() {
        profileService.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void logsEachLineOfARequestAsJsonWithItsRequestIdTenantAndTrace(CapturedOutput output) {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var requestId = UserServiceApi.unique("logged-request");
        var trace = ClientTrace.random();

        createUser(api, tenant, requestId, trace.traceParent());

        var lines = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(json::readTree)
                .filter(line -> requestId.equals(line.path("requestId").asString(null)))
                .toList();
        assertThat(lines)
                .as("the request's log lines")
                .anySatisfy(line -> assertThat(line.path("message").asString()).startsWith("Registered user "));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("tenant").asString(null)).isEqualTo(tenant.slug());
            assertThat(line.path("traceId").asString(null)).isEqualTo(trace.traceId());
            assertThat(line.path("spanId").asString("")).hasSize(16);
        });
    }

    @Test
    void keepsTheClientsTraceThroughTheOutboxIntoTheDeliveryToProfileService() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var trace = ClientTrace.random();
        sql.clear();

        var user = createUser(api, tenant, UserServiceApi.unique("traced"), trace.traceParent());

        DocumentedSql.matches(
                "observability.md",
                "outbox-insert",
                sql.statements().stream()
                        .filter(statement -> statement.startsWith("insert into outbox_events"))
                        .toList());
        var stored = new TenantSql(dataSource)
                .query(
                        tenant.id(),
                        String.class,
                        "select trace_parent from outbox_events where aggregate_id = ? and sequence = 1",
                        user);
        assertThat(stored)
                .as("the outbox row keeps the trace of the request that wrote it, at the service's own span")
                .matches(trace.descendantPattern());
        var delivery = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> profileService.deliveries().stream()
                                .filter(received -> json.readTree(received.body())
                                        .path("aggregateId")
                                        .asString("")
                                        .equals(user.toString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(delivery.traceParent())
                .as("the relay's call continues that trace, from a span of its own")
                .matches(trace.descendantPattern())
                .isNotEqualTo(stored);
    }

    @Test
    void countsEachTenantsRequestsUnderItsTenantTag() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        for (var i = 0; i < 3; i++) {
            api.as(tenant.adminToken()).get("/users/me").then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> metrics(api)
                        .queryParam("tag", "tenant:" + tenant.slug())
                        .get("/actuator/metrics/http.server.requests")
                        .then()
                        .statusCode(200)
                        .body("measurements.find { it.statistic == 'COUNT' }.value", equalTo(3.0f)));
        metrics(api)
                .get("/actuator/metrics/http.server.requests")
                .then()
                .statusCode(200)
                .body("availableTags.find { it.tag == 'tenant' }.values", hasItems(tenant.slug(), "none"));
    }

    private io.restassured.specification.RequestSpecification metrics(UserServiceApi api) {
        return given().port(port).auth().oauth2(api.platformAdminToken());
    }

    /** Creates a default-model user as the tenant's administrator, with the given request id and traceparent. */
    private static UUID createUser(
            UserServiceApi api, UserServiceApi.Tenant tenant, String requestId, String traceParent) {
        var username = UserServiceApi.unique("user");
        String id = api.as(tenant.adminToken())
                .header("X-Request-Id", requestId)
                .header("traceparent", traceParent)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type", "user",
                        "username", username,
                        "email", username + "@example.org",
                        "firstName", "Tracy",
                        "lastName", "Span",
                        "password", "User-password-1"))
                .post("/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }
}
