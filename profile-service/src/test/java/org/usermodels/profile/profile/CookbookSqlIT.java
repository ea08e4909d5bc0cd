package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * profile-service's recipes of docs/thinking-in-orm.md, each the SQL of a real endpoint or job, recorded as it runs:
 * a window, top-N per group with a lateral subquery, a {@code case} grouped, {@code having}, {@code exists}, a
 * recursive CTE, and a set-based update with an expression.
 */
@ProfileServiceIT
class CookbookSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    OrgChart orgChart;

    @Autowired
    Profiles profiles;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void theStatisticsSearchReportingTreeAndPromotionSendTheirRecipesSql() {
        var api = new ProfileServiceApi(port);
        var tenant = api.createTenant();
        var admin = api.createMember(tenant, "user", "Admin", "profile.read_any", "profile.edit_any");
        var dom = api.createMember(tenant, "staff", "Dom");
        var peter = api.createMember(tenant, "staff", "Peter");
        var basic = api.createMember(tenant, "user", "Basic");
        api.patch(admin.token(), "/profiles/" + dom.id(), Map.of("staff", Map.of("department", "Ops")))
                .statusCode(200);
        api.patch(admin.token(), "/profiles/" + peter.id(), Map.of("staff", Map.of("department", "Dev")))
                .statusCode(200);
        api.as(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("managerId", dom.id().toString()))
                .put("/profiles/" + peter.id() + "/manager")
                .then()
                .statusCode(200);
        for (var rating : List.of(List.of(dom, "Java", 5), List.of(peter, "Java", 3), List.of(peter, "SQL", 1))) {
            api.as(admin.token())
                    .contentType(ContentType.JSON)
                    .body(Map.of("level", rating.get(2)))
                    .put("/profiles/" + ((ProfileServiceApi.Member) rating.get(0)).id() + "/skills/" + rating.get(1))
                    .then()
                    .statusCode(200);
        }
        var ref = new TenantRef(tenant.id(), tenant.slug());

        sql.clear();
        api.as(admin.token()).get("/profiles/stats").then().statusCode(200);
        var stats = selects(sql.statements());
        sql.clear();
        api.as(admin.token())
                .get("/profiles?skill=Java&minLevel=4")
                .then()
                .statusCode(200)
                .body("items.displayName", equalTo(List.of("Dom Tester")));
        var search = selects(sql.statements()).stream()
                .filter(statement -> statement.contains("exists"))
                .toList();
        var tree = sql.record(() -> inTenant(ref, () -> orgChart.lines(UserId.of(dom.id()), 3)));
        var promoted = sql.record(() -> inTenant(ref, () -> profiles.promote(UserId.of(basic.id()), "customer")));

        assertThat(stats).hasSize(6);
        assertThat(search).singleElement().asString().contains("exists");
        assertThat(tree.result()).extracting(OrgChart.Line::userId).containsExactly(peter.id());
        assertThat(promoted.result()).isOne();
        DocumentedSql.matches("thinking-in-orm.md", "window", List.of(stats.get(1)));
        DocumentedSql.matches("thinking-in-orm.md", "lateral", List.of(stats.get(3)));
        DocumentedSql.matches("thinking-in-orm.md", "case", List.of(stats.get(4)));
        DocumentedSql.matches("thinking-in-orm.md", "having", List.of(stats.get(5)));
        DocumentedSql.matches("thinking-in-orm.md", "exists", search);
        DocumentedSql.matches(
                "thinking-in-orm.md", "recursive-cte", only(tree.statements(), s -> s.startsWith("with")));
        DocumentedSql.matches(
                "thinking-in-orm.md", "update-expression", only(promoted.statements(), s -> s.startsWith("update")));
    }

    private static List<String> selects(List<String> statements) {
        return only(statements, statement -> statement.startsWith("select"));
    }

    private static List<String> only(List<String> statements, Predicate<String> kept) {
        return statements.stream().filter(kept).toList();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
