package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A chunk whose transaction fails after Keycloak took its identities leaves no identity behind for the row that
 * failed, and loses none of the others. The failure is a real race the database decides, as in
 * {@code CompensationIT}: a concurrent transaction holds an uncommitted staff member with the employee number
 * of one row, so the chunk's checks pass, Keycloak creates the chunk's identities, and the chunk's insert waits
 * on the unique index until that transaction commits, then fails. The chunk is then registered row by row.
 */
@UserServiceIT
class BatchCompensationIT {

    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aFailedChunkRemovesTheFailedRowsIdentityAndImportsTheOthersOneByOne() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant("user", "staff");
        var employeeNumber = UserServiceApi.unique("E-RACE");
        var loser = UserServiceApi.unique("loser");
        var winners = List.of(UserServiceApi.unique("first"), UserServiceApi.unique("second"));
        var file = new StringBuilder();
        file.append(json.writeValueAsString(Map.of(
                        "username",
                        winners.get(0),
                        "email",
                        winners.get(0) + "@example.org",
                        "firstName",
                        "Fir",
                        "lastName",
                        "St")))
                .append('\n');
        file.append(json.writeValueAsString(Map.of(
                        "type",
                        "staff",
                        "username",
                        loser,
                        "email",
                        loser + "@example.org",
                        "firstName",
                        "Lo",
                        "lastName",
                        "Ser",
                        "staff",
                        Map.of("employeeNumber", employeeNumber, "hireDate", "2021-01-01"))))
                .append('\n');
        file.append(json.writeValueAsString(Map.of(
                        "username",
                        winners.get(1),
                        "email",
                        winners.get(1) + "@example.org",
                        "firstName",
                        "Sec",
                        "lastName",
                        "Ond")))
                .append('\n');
        var jdbc = new JdbcTemplate(dataSource);
        var rival = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var job = new AtomicReference<String>();

        rival.executeWithoutResult(status -> {
            jdbc.queryForObject(
                    "select set_config('app.tenant_id', ?, true)",
                    String.class,
                    tenant.id().toString());
            var holder = UUID.randomUUID();
            jdbc.update(
                    "insert into users (tenant_id, id, username, email, type) values (current_tenant(), ?, ?, ?, 'staff')",
                    holder,
                    UserServiceApi.unique("holder"),
                    UserServiceApi.unique("holder") + "@example.org");
            jdbc.update(
                    "insert into staff_members (id, employee_number, hire_date) values (?, ?, date '2020-01-01')",
                    holder,
                    employeeNumber);
            job.set(api.as(tenant.adminToken())
                    .config(RestAssuredConfig.config()
                            .encoderConfig(EncoderConfig.encoderConfig()
                                    .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .contentType("application/x-ndjson")
                    .body(file.toString())
                    .post("/users/imports")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> UserServiceApi.keycloak.usernameExists(loser) && waitingForALock(jdbc));
        });

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "COMPLETED"
                        .equals(api.as(tenant.adminToken())
                                .get("/users/imports/" + job.get())
                                .then()
                                .extract()
                                .path("status")));
        var done = api.as(tenant.adminToken())
                .get("/users/imports/" + job.get())
                .then()
                .extract()
                .jsonPath();

        assertThat(done.getInt("importedRows")).isEqualTo(2);
        assertThat(done.getList("problems.row")).containsExactly(2);
        assertThat(done.getList("problems[0].errors.field")).containsExactly("staff.employeeNumber");
        assertThat(UserServiceApi.keycloak.usernameExists(loser))
                .as("the failed row's identity")
                .isFalse();
        for (var winner : winners) {
            assertThat(UserServiceApi.keycloak.usernameExists(winner)).isTrue();
            assertThat(new TenantSql(dataSource)
                            .count(tenant.id(), "select count(*) from users where username = ?", winner))
                    .isOne();
        }
    }

    private static boolean waitingForALock(JdbcTemplate jdbc) {
        var waiting = jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and usename = current_user",
                Long.class);
        return waiting != null && waiting > 0;
    }
}
