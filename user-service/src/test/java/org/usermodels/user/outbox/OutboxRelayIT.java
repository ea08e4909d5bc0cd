package org.usermodels.user.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.RecordSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.EventReceiver;
import org.usermodels.user.testing.UserServiceApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay delivers the outbox in order, as the user-service client (a real client-credentials token from
 * Keycloak), retries with backoff, and loses nothing while the receiver fails. The receiver is a recording
 * stand-in for profile-service ({@link EventReceiver}); the system tests deliver to the real one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.reconciler.enabled=false",
            "usermodels.outbox.relay.enabled=false",
            "usermodels.outbox.relay.first-backoff=10ms"
        })
@FreshDatabase("users")
@RealKeycloak
@RecordSql
class OutboxRelayIT {

    static final EventReceiver receiver = EventReceiver.start();

    @DynamicPropertySource
    static void target(DynamicPropertyRegistry registry) {
        registry.add("usermodels.outbox.relay.target", () -> receiver.url() + "/internal/events");
    }

    @AfterAll
    static void stop() {
        receiver.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void deliversInOrderAsUserServiceAndRetriesUntilTheReceiverIsBack() throws Exception {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        assertThat(relay.relayOnce()).as("the new tenant's events").isPositive();
        assertThat(relay.backlog()).isZero();
        receiver.deliveries().clear();
        var user = api.createUser(tenant);
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");
        sql.clear();
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("firstName", "Changed"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200);
        var writes = sql.statements().stream()
                .filter(statement -> statement.startsWith("update") || statement.startsWith("insert"))
                .toList();
        // one flush: Hibernate's action queue runs the event's INSERT before the user's UPDATE
        assertThat(writes).hasSize(2);
        assertThat(writes.getFirst()).startsWith("insert into outbox_events");
        assertThat(writes.getLast()).startsWith("update users");
        DocumentedSql.matches("events.md", "append", writes);

        receiver.failNext(4);
        var failuresBefore =
                meters.counter("usermodels.outbox.delivery.failures").count();
        assertThat(relay.relayOnce()).isZero();
        assertThat(relay.backlog()).isEqualTo(2);
        assertThat(meters.counter("usermodels.outbox.delivery.failures").count())
                .isEqualTo(failuresBefore + 1);
        assertThat(receiver.attempts().get()).isEqualTo(3);

        sql.clear();
        assertThat(relay.relayOnce()).isEqualTo(2);
        DocumentedSql.matches("events.md", "relay", sql.statements());
        assertThat(relay.backlog()).isZero();
        assertThat(meters.get("usermodels.outbox.backlog").gauge().value()).isZero();
        RestAssured.given()
                .port(port)
                .auth()
                .oauth2(api.platformAdminToken())
                .get("/actuator/metrics/usermodels.outbox.delivery.failures")
                .then()
                .statusCode(200)
                .body("measurements[0].value", greaterThanOrEqualTo(1.0f));
        RestAssured.given()
                .port(port)
                .auth()
                .oauth2(tenant.adminToken())
                .get("/actuator/metrics/usermodels.outbox.backlog")
                .then()
                .statusCode(403);

        var events =
                receiver.received().stream().map(body -> json.readTree(body)).toList();
        assertThat(events)
                .extracting(event -> event.get("type").asString())
                .containsExactly("UserRegistered", "UserUpdated");
        assertThat(events).extracting(event -> event.get("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(events)
                .allSatisfy(event -> assertThat(event.get("aggregateId").asString())
                        .isEqualTo(user.id().toString()));
        assertThat(events.get(1).get("payload").get("firstName").asString()).isEqualTo("Changed");
        assertThat(receiver.authorizedParties()).containsOnly("user-service");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from outbox_events", Long.class))
                .as("the application role sees no tenant's events outside a tenant or relay transaction")
                .isZero();
    }
}
