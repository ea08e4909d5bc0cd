package org.usermodels.user.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** Every change of a user leaves an event in the outbox, numbered in order for that user. */
@UserServiceIT
class OutboxIT {

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Test
    void recordsRegisteredUpdatedAndDeletedInSequence() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var user = api.createUser(tenant);
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("firstName", "Renamed"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200);
        api.as(tenant.adminToken()).delete("/users/" + user.id()).then().statusCode(204);

        var events = TenantContext.callAs(new TenantRef(tenant.id(), tenant.slug()), () -> outbox.eventsOf(user.id()));
        var tenantEvents =
                TenantContext.callAs(new TenantRef(tenant.id(), tenant.slug()), () -> outbox.eventsOf(tenant.id()));

        assertThat(events)
                .extracting(Outbox.RecordedEvent::type)
                .containsExactly("UserRegistered", "UserUpdated", "UserDeleted");
        assertThat(events).extracting(Outbox.RecordedEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(Outbox.RecordedEvent::id).doesNotHaveDuplicates();
        assertThat(events.get(1).payload())
                .contains("\"firstName\": \"Renamed\"")
                .contains(user.id().toString());
        assertThat(tenantEvents).extracting(Outbox.RecordedEvent::type).containsExactly("TenantCreated");
    }

    @Test
    void recordsNothingForARefusedRequest() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("username", "x y", "email", "bad", "firstName", "", "lastName", ""))
                .post("/users")
                .then()
                .statusCode(400);

        var events = TenantContext.callAs(
                new TenantRef(tenant.id(), tenant.slug()),
                () -> outbox.eventsOf(tenant.adminId()).size()
                        + outbox.eventsOf(tenant.id()).size());
        assertThat(events)
                .as("the admin's registration and the tenant's creation only")
                .isEqualTo(2);
    }
}
