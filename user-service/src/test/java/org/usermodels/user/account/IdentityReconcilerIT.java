package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** The reconciler repairs drift between Keycloak and this service both ways, and reports what it did. */
@UserServiceIT
class IdentityReconcilerIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityReconciler reconciler;

    @Autowired
    MeterRegistry meters;

    @Test
    void enrollsUpdatesAndRemovesToMatchKeycloak() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var changed = api.createUser(tenant);
        var removed = api.createUser(tenant);
        var keycloakOnly = UserServiceApi.unique("direct");
        var keycloakOnlyId = UserServiceApi.keycloak.createUser(keycloakOnly, "Direct-password-1");
        UserServiceApi.keycloak.addMember(tenant.id(), keycloakOnlyId);
        UserServiceApi.keycloak.updateUser(changed.id(), Map.of("lastName", "Renamed-In-Keycloak", "enabled", false));
        UserServiceApi.keycloak.deleteUser(removed.id());
        var before = repairs("enrolled") + repairs("updated") + repairs("removed");

        var report = reconciler.reconcile(ref);

        assertThat(report).isEqualTo(new IdentityReconciler.Report(tenant.slug(), 1, 1, 1));
        assertThat(repairs("enrolled") + repairs("updated") + repairs("removed"))
                .isEqualTo(before + 3);
        api.as(tenant.adminToken())
                .get("/users/" + keycloakOnlyId)
                .then()
                .statusCode(200)
                .body("type", equalTo("user"));
        api.as(tenant.adminToken())
                .get("/users/" + changed.id())
                .then()
                .body("lastName", equalTo("Renamed-In-Keycloak"))
                .body("status", equalTo("DISABLED"));
        api.as(tenant.adminToken()).get("/users/" + removed.id()).then().statusCode(404);

        assertThat(reconciler.reconcile(ref).total())
                .as("nothing left to repair")
                .isZero();
    }

    private double repairs(String kind) {
        var counter =
                meters.find("usermodels.reconciler.repairs").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
