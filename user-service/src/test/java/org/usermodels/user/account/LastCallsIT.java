package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code lastLogin} is the last authenticated call, written in the background, once per interval and tenant. */
@UserServiceIT
class LastCallsIT {

    @LocalServerPort
    int port;

    @Autowired
    LastCalls lastCalls;

    @Autowired
    SqlRecorder sql;

    @Test
    void aUsersCallsSetTheirLastLoginWithOneStatementPerTenant() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var user = api.createUser(tenant);
        lastCalls.write(); // what creating them noted (the administrator's calls)
        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("lastLogin", nullValue());

        var before = Instant.now();
        api.as(user.token()).get("/users/me").then().statusCode(200);
        api.as(user.token()).get("/users/me").then().statusCode(200);
        sql.clear();
        lastCalls.write();
        var written = sql.statements().stream()
                .filter(statement -> statement.startsWith("update users"))
                .toList();

        assertThat(written).as("one statement for the tenant's calls").hasSize(1);
        var lastLogin = Instant.parse(api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .extract()
                .path("lastLogin"));
        assertThat(lastLogin).isAfterOrEqualTo(before.minusMillis(1)).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void creatingOrImportingAUserRecordsNoLogin() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var user = api.createUser(tenant);

        lastCalls.write();

        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("lastLogin", nullValue());
    }
}
