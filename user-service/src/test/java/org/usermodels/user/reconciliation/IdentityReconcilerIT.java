package org.usermodels.user.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.user.identity.IdentityDirectory;
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

    @Autowired
    IdentityDirectory identities;

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

        var first = reconciler.reconcile(ref);
        var second = reconciler.reconcile(ref);

        assertThat(first)
                .as("the member without a row waits for the next run")
                .isEqualTo(new IdentityReconciler.Report(tenant.slug(), 0, 1, 1, 1));
        assertThat(second).isEqualTo(new IdentityReconciler.Report(tenant.slug(), 1, 0, 0, 0));
        assertThat(repairs("enrolled") + repairs("updated") + repairs("removed"))
                .isEqualTo(before + 3);
        api.as(tenant.adminToken())
                .get("/users/" + keycloakOnlyId)
                .then()
                .statusCode(200)
                .body("type", equalTo("user"))
                .body("lastLogin", nullValue()); // enrolled by the reconciler: no call of theirs
        api.as(tenant.adminToken())
                .get("/users/" + changed.id())
                .then()
                .body("lastName", equalTo("Renamed-In-Keycloak"))
                .body("status", equalTo("DISABLED"));
        api.as(tenant.adminToken()).get("/users/" + removed.id()).then().statusCode(404);

        assertThat(reconciler.reconcile(ref))
                .as("nothing left to repair")
                .isEqualTo(new IdentityReconciler.Report(tenant.slug(), 0, 0, 0, 0));
    }

    /**
     * A registration creates the identity and its membership before it writes the row, so a row written while
     * the members were being listed may have a membership the listing does not show: such a user stays.
     */
    @Test
    void keepsAUserWhoJoinedWhileTheMembersWereListed() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var listed = Instant.now();
        var listing = identities.members(ref.tenantId());
        var joinedMeanwhile = api.createUser(tenant);

        var report = reconciler.reconcile(ref, listing, listed);

        assertThat(report.removed()).isZero();
        api.as(tenant.adminToken()).get("/users/" + joinedMeanwhile.id()).then().statusCode(200);
        assertThat(reconciler.reconcile(ref, listing, Instant.now()).removed())
                .as("a listing that began after they joined, and does not name them, removes them")
                .isEqualTo(1);
    }

    private double repairs(String kind) {
        var counter =
                meters.find("usermodels.reconciler.repairs").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }
}
