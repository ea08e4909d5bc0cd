package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * When the local commit fails after Keycloak accepted the identity, the identity is removed again: no user
 * is left in one store and not the other.
 *
 * <p>The failure is a real one, a race the database decides: a concurrent transaction holds an uncommitted
 * staff member with the same employee number, so the service's check passes, Keycloak creates the identity,
 * and the service's insert waits on the unique index until that transaction commits, then fails.
 */
@UserServiceIT
class CompensationIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void removesTheIdentityWhenTheLocalCommitFails() throws Exception {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant("staff");
        var employeeNumber = UserServiceApi.unique("E-RACE");
        var username = UserServiceApi.unique("loser");
        var jdbc = new JdbcTemplate(dataSource);
        var rival = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        var response = rival.execute(status -> {
            jdbc.queryForObject(
                    "select set_config('app.tenant_id', ?, true)",
                    String.class,
                    tenant.id().toString());
            var winner = UUID.randomUUID();
            jdbc.update(
                    "insert into users (tenant_id, id, username, email, type) values (current_tenant(), ?, ?, ?, 'staff')",
                    winner,
                    UserServiceApi.unique("winner"),
                    UserServiceApi.unique("winner") + "@example.org");
            jdbc.update(
                    "insert into staff_members (id, employee_number, hire_date) values (?, ?, date '2020-01-01')",
                    winner,
                    employeeNumber);
            var body = new LinkedHashMap<String, Object>();
            body.put("type", "staff");
            body.put("username", username);
            body.put("email", username + "@example.org");
            body.put("firstName", "Lo");
            body.put("lastName", "Ser");
            body.put("staff", Map.of("employeeNumber", employeeNumber, "hireDate", "2021-01-01"));
            var request = CompletableFuture.supplyAsync(() -> api.as(tenant.adminToken())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/users")
                    .then()
                    .extract());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> UserServiceApi.keycloak.usernameExists(username) && waitingForALock(jdbc));
            return request;
        });

        var answer = response.get();
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.<String>path("field")).isEqualTo("staff.employeeNumber");
        assertThat(UserServiceApi.keycloak.usernameExists(username)).isFalse();
        assertThat(new TenantSql(dataSource)
                        .count(tenant.id(), "select count(*) from users where username = ?", username))
                .isZero();
    }

    private static boolean waitingForALock(JdbcTemplate jdbc) {
        var waiting = jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and usename = current_user",
                Long.class);
        return waiting != null && waiting > 0;
    }
}
