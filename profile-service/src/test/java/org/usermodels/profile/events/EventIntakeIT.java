package org.usermodels.profile.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/** {@code POST /internal/events}: each event once, each user's events in order, only from user-service. */
@ProfileServiceIT
class EventIntakeIT {

    @LocalServerPort
    int port;

    @Autowired
    SqlRecorder sql;

    ProfileServiceApi api;
    ProfileServiceApi.Tenant tenant;
    ProfileServiceApi.Member reader;

    @BeforeEach
    void tenant() {
        api = new ProfileServiceApi(port);
        tenant = api.createTenant();
        reader = api.createMember(tenant, "user", "Reader", "profile.read_any");
    }

    Map<String, Object> registered(UUID user, String type, long sequence) {
        return ProfileServiceApi.event(
                "UserRegistered",
                tenant.id(),
                user,
                sequence,
                Map.of("userType", type, "username", "u", "firstName", "Eve", "lastName", "Vent"));
    }

    Map<String, Object> deleted(UUID user, long sequence) {
        return ProfileServiceApi.event("UserDeleted", tenant.id(), user, sequence, Map.of("userId", user.toString()));
    }

    @Test
    void appliesARepeatedEventOnce() {
        var user = UUID.randomUUID();
        var event = registered(user, "staff", 1);

        api.deliver(event).statusCode(200);
        api.deliver(event).statusCode(200);

        api.as(reader.token()).get("/profiles/" + user).then().statusCode(200).body("kind", equalTo("staff"));
        api.deliver(deleted(user, 2)).statusCode(200);
        api.deliver(event).statusCode(200);
        api.as(reader.token()).get("/profiles/" + user).then().statusCode(404);
    }

    @Test
    void holdsAnEarlyEventUntilItsPredecessorArrives() {
        var user = UUID.randomUUID();

        api.deliver(deleted(user, 2)).statusCode(202);
        api.as(reader.token()).get("/profiles/" + user).then().statusCode(404);
        sql.clear();
        api.deliver(registered(user, "customer", 1)).statusCode(200);
        var catchingUp = sql.statements();

        api.as(reader.token()).get("/profiles/" + user).then().statusCode(404);
        assertThat(catchingUp)
                .anySatisfy(statement -> assertThat(statement).startsWith("insert into profiles"))
                .anySatisfy(statement -> assertThat(statement).startsWith("delete from profiles"))
                .anySatisfy(statement -> assertThat(statement).startsWith("delete from pending_events"))
                .last()
                .satisfies(statement -> assertThat(statement).startsWith("update event_positions"));
        DocumentedSql.matches("events.md", "intake", catchingUp);
    }

    @Test
    void endsInTheRightStateWhateverTheOrderOfArrival() {
        var user = UUID.randomUUID();
        var updated = ProfileServiceApi.event(
                "UserUpdated", tenant.id(), user, 2, Map.of("userType", "staff", "status", "ACTIVE"));

        api.deliver(updated).statusCode(202);
        api.deliver(registered(user, "staff", 1)).statusCode(200);
        api.deliver(updated).statusCode(200);

        api.as(reader.token()).get("/profiles/" + user).then().statusCode(200).body("kind", equalTo("staff"));
    }

    @Test
    void turnsABasicProfileMadeOnTheFirstCallIntoTheRightKind() {
        var user = api.createUnannouncedMember(tenant, "staff");
        api.as(user.token()).get("/profiles/me").then().statusCode(200).body("kind", equalTo("basic"));

        api.deliver(registered(user.id(), "staff", 1)).statusCode(200);

        api.as(user.token())
                .get("/profiles/me")
                .then()
                .statusCode(200)
                .body("kind", equalTo("staff"))
                .body("staff.skills", empty());
    }

    @Test
    void acceptsEventsOnlyFromUserService() {
        var member = ProfileServiceApi.tokens.password(UsermodelsRealm.DEMO_USER, "organization");

        given().port(port)
                .auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(registered(UUID.randomUUID(), "user", 1))
                .post("/internal/events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().port(port)
                .contentType(ContentType.JSON)
                .body(registered(UUID.randomUUID(), "user", 1))
                .post("/internal/events")
                .then()
                .statusCode(401);
    }

    @Test
    void asksForEventsOfAnUnknownTenantAgainLater() {
        var event = ProfileServiceApi.event(
                "UserRegistered", UUID.randomUUID(), UUID.randomUUID(), 1, Map.of("userType", "user"));

        api.deliver(event).statusCode(503).contentType("application/problem+json");
    }

    @Test
    void refusesAMalformedEvent() {
        api.deliver(Map.of("id", "not-a-uuid", "type", "UserRegistered")).statusCode(400);
    }
}
