package org.usermodels.user.twin;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** Without {@code usermodels.benchmark.twins.enabled}, as everywhere but in the benchmark, no twin answers. */
@UserServiceIT
class TwinsAreOffIT {

    @LocalServerPort
    int port;

    @Test
    void noTwinIsServedUnlessSwitchedOn() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();

        api.as(tenant.adminToken())
                .basePath("/twin")
                .get("/users/" + tenant.adminId())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
