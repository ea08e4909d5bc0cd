package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * user-service's recipes of docs/thinking-in-orm.md, each the SQL of a real endpoint or job, recorded as it runs:
 * a {@code union}, {@code jsonb} containment, keyset pagination, a correlated {@code exists}, and an upsert.
 */
@UserServiceIT
class CookbookSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void readingSearchingPagingAndEnrollingSendTheirRecipesSql() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var admin = tenant.adminToken();
        api.defineAttributes(tenant, UserServiceApi.COST_CENTRE);
        var ada = api.createUser(tenant);
        api.createUser(tenant);
        String group = api.as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Support"))
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        api.as(admin).put("/groups/" + group + "/members/" + ada.id()).then().statusCode(204);

        var standing = recorded(
                () -> api.as(admin).get("/users/" + ada.id()).then().statusCode(200),
                statement -> statement.contains("'group' as kind"));
        var containment = recorded(
                () -> api.as(admin).get("/users?attr.costCentre=SALES").then().statusCode(200),
                statement -> statement.contains("users_with_attributes"));
        String next = api.as(admin)
                .get("/users?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        var keyset = recorded(
                () -> api.as(admin)
                        .queryParam("limit", 1)
                        .queryParam("cursor", next)
                        .get("/users")
                        .then()
                        .statusCode(200),
                statement -> statement.contains("from users"));
        var members = recorded(
                () -> api.as(admin).get("/users?group=" + group).then().statusCode(200),
                statement -> statement.contains("from users"));
        var newcomer = UserId.of(UUID.randomUUID());
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var enrolled = sql.record(() -> inTenant(
                ref,
                () -> List.of(
                        users.enrollIfAbsent(newcomer, "newcomer", null, null, null),
                        users.enrollIfAbsent(newcomer, "newcomer", null, null, null))));

        assertThat(standing).singleElement().asString().contains("union");
        assertThat(containment).singleElement();
        assertThat(keyset).singleElement().asString().contains("u1_0.username>?");
        assertThat(members).singleElement().asString().contains("exists");
        assertThat(enrolled.result()).as("inserted, then left alone").containsExactly(1, 0);
        DocumentedSql.matches("thinking-in-orm.md", "union", standing);
        DocumentedSql.matches("thinking-in-orm.md", "jsonb-containment", containment);
        DocumentedSql.matches("thinking-in-orm.md", "keyset", keyset);
        DocumentedSql.matches("thinking-in-orm.md", "correlated-exists", members);
        DocumentedSql.matches(
                "thinking-in-orm.md",
                "upsert",
                enrolled.statements().stream()
                        .filter(statement -> statement.startsWith("insert"))
                        .distinct()
                        .toList());
    }

    private List<String> recorded(Runnable call, Predicate<String> kept) {
        sql.clear();
        call.run();
        return sql.statements().stream().filter(kept).toList();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
