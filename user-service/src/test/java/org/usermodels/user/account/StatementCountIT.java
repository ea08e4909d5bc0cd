package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * What each read endpoint costs in statements, counted as they reach the database: at most three besides the
 * transaction's {@code set_config}, and the same number whatever the page size, so that no N+1 can come
 * back. (The benchmark measures the time; this measures the work that does not depend on the machine.)
 */
@UserServiceIT
class StatementCountIT {

    static final int MOST = 3;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;
    UserServiceApi.User staff;
    String deepCursor;

    @BeforeEach
    void tenantOfEveryModel() {
        api = new UserServiceApi(port);
        tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        for (var type : UserServiceApi.allTypes()) {
            api.createUser(tenant, type, UserServiceApi.detailsOfEachType().get(type));
        }
        staff = api.createUser(
                tenant, "staff", UserServiceApi.detailsOfEachType().get("staff"));
        api.defineAttributes(tenant, UserServiceApi.COST_CENTRE);
        var rows = new TenantSql(dataSource);
        rows.insertUsers(tenant.id(), "counted", 120);
        assertThat(rows.count(tenant.id(), """
                        with tagged as (
                            update users set attributes = '{"costCentre": "SALES"}'
                            where username like 'counted-%' returning 1)
                        select count(*) from tagged
                        """)).isEqualTo(120);
        deepCursor = api.as(tenant.adminToken())
                .get("/users?limit=60")
                .then()
                .extract()
                .path("next");
    }

    /** The statements of one call, without the {@code set_config} each transaction begins with. */
    List<String> statementsOf(String path) {
        api.as(tenant.adminToken()).get(path).then().statusCode(200);
        sql.clear();
        api.as(tenant.adminToken()).get(path).then().statusCode(200);
        return sql.statements().stream()
                .filter(statement -> !statement.contains("set_config('app.tenant_id'"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "first page",
                "deep page",
                "search",
                "search filtered by attribute",
                "filter by type",
                "filter by attribute",
                "newest active"
            })
    void aPageCostsAtMostThreeStatementsWhateverItsSize(String endpoint) {
        Map<String, IntFunction<String>> paths = Map.of(
                "first page", limit -> "/users?limit=" + limit,
                "deep page", limit -> "/users?limit=" + limit + "&cursor=" + deepCursor,
                "search", limit -> "/users?limit=" + limit + "&q=counted",
                "search filtered by attribute", limit -> "/users?limit=" + limit + "&q=counted&attr.costCentre=SALES",
                "filter by type", limit -> "/users?limit=" + limit + "&type=user",
                "filter by attribute", limit -> "/users?limit=" + limit + "&attr.costCentre=SALES",
                "newest active", limit -> "/users?limit=" + limit + "&status=ACTIVE&sort=-dateJoined");

        var five = statementsOf(paths.get(endpoint).apply(5));
        var fifty = statementsOf(paths.get(endpoint).apply(50));

        assertThat(five).isNotEmpty().hasSizeLessThanOrEqualTo(MOST).hasSameSizeAs(fifty);
        api.as(tenant.adminToken()).get(paths.get(endpoint).apply(50)).then().body("items", not(empty()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/users/{id}", "/users/me", "/users/{id}/permissions", "/groups"})
    void aReadCostsAtMostThreeStatements(String template) {
        var path = template.replace("{id}", staff.id().toString());

        assertThat(statementsOf(path)).isNotEmpty().hasSizeLessThanOrEqualTo(MOST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ndjson", "csv"})
    void anExportIsOneQueryHoweverManyUsersItStreams(String format) {
        var statements = statementsOf("/users/export?format=" + format);

        assertThat(statements.stream().filter(statement -> statement.contains("from users")))
                .hasSize(1);
        assertThat(statements).hasSizeLessThanOrEqualTo(MOST);
    }
}
