package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code GET /api/users/stats}: counts the database computes. */
@UserServiceIT
class StatsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void countsByTypeStatusMonthAndGroup() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        UserServiceApi.detailsOfEachType().forEach((type, details) -> api.createUser(tenant, type, details));
        api.createUser(tenant, "customer", Map.of());
        new TenantSql(dataSource).insertUsers(tenant.id(), "old", 40);
        sql.clear();

        var stats = api.as(tenant.adminToken())
                .get("/users/stats")
                .then()
                .statusCode(200)
                .body("byType.user", equalTo(2 + 40))
                .body("byType.customer", equalTo(2))
                .body("byType.staff", equalTo(1))
                .body("byType.partner", equalTo(1))
                .body("byStatus.ACTIVE", equalTo(46))
                .body("byStatus.DISABLED", equalTo(0))
                .body("signupsPerMonth", hasSize(12))
                .body("membersPerGroup.find { it.name == 'members' }.members", equalTo(6))
                .body("membersPerGroup.find { it.name == 'admins' }.members", equalTo(1))
                .extract();

        List<Integer> signups = stats.path("signupsPerMonth.signups");
        assertThat(signups.getLast()).isGreaterThanOrEqualTo(6);
        assertThat(signups.stream().mapToInt(Integer::intValue).sum()).isBetween(6 + 30, 46);
        var aggregates = sql.statements().stream()
                .filter(statement -> statement.contains("filter") || statement.contains("generate_series"))
                .toList();
        assertThat(aggregates).hasSize(2);
        DocumentedSql.matches("users.md", "stats", aggregates);
        DocumentedSql.matches("aggregation.md", "aggregate-with-filter", aggregates.subList(0, 1));
    }
}
