package org.usermodels.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * A platform administrator's list of a tenant's deleted users and their restore ({@code DeletedUsersController}),
 * through the custom repository fragment that reads past {@code User}'s {@code @SQLRestriction}
 * (docs/repositories.md).
 */
@UserServiceIT
class DeletedUsersApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenantWithStaff() {
        api = new UserServiceApi(port);
        tenant = api.createTenant("user", "staff");
    }

    @Test
    void listsTheDeletedUsersNewestFirstAPageAtATimeAndNoOneElse() {
        var deleted = new ArrayList<UUID>();
        for (var i = 0; i < 3; i++) {
            var user = api.createUser(tenant);
            delete(tenant, user.id());
            deleted.add(user.id());
        }
        api.createUser(tenant); // alive
        var elsewhere = api.createTenant();
        delete(elsewhere, api.createUser(elsewhere).id());

        var first = recorded(() -> listPage(tenant.slug(), Map.of("limit", 2)));
        var next = (String) first.result().get("next");
        var second = recorded(() -> listPage(tenant.slug(), Map.of("limit", 2, "cursor", next)));

        assertThat(ids(first.result())).containsExactly(deleted.get(2), deleted.get(1));
        assertThat(ids(second.result())).containsExactly(deleted.get(0));
        assertThat(second.result().get("next")).isNull();
        assertThat(first.result().get("items").toString()).contains("deletedAt", "username");
        var page = first.statements().stream()
                .filter(statement -> statement.contains("deleted_at is not null"))
                .toList();
        var nextPage = second.statements().stream()
                .filter(statement -> statement.contains("deleted_at is not null"))
                .toList();
        assertThat(page).singleElement().asString().contains("fetch first");
        DocumentedSql.matches("repositories.md", "deleted-users-page", page);
        DocumentedSql.matches("repositories.md", "deleted-users-next-page", nextPage);
        DocumentedSql.matchesPlan("repositories.md", "deleted-users-plan", plan(nextPage.getFirst()));
    }

    @Test
    void restoresADeletedUserInBothStoresAsTheyWereWithAnEvent() {
        var staff = api.createUser(
                tenant,
                "staff",
                Map.of("staff", Map.of("employeeNumber", UserServiceApi.unique("E"), "hireDate", "2020-01-06")));
        delete(tenant, staff.id());

        var restore = recorded(() -> api.as(api.platformAdminToken())
                .post("/tenants/" + tenant.slug() + "/deleted-users/" + staff.id() + "/restore")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract()
                .<Map<String, Object>>as(Map.class));

        var restored = restore.result();
        assertThat(restored).containsEntry("id", staff.id().toString()).containsEntry("type", "staff");
        assertThat(restored).containsEntry("status", "ACTIVE").containsEntry("username", staff.username());
        assertThat(restored.get("staff")).isEqualTo(staff.body().get("staff"));
        assertThat(restored.get("groups").toString()).contains("members");
        api.as(tenant.adminToken()).get("/users/" + staff.id()).then().statusCode(200);
        var identity = UserServiceApi.keycloak.findUser(staff.id()).orElseThrow();
        assertThat(identity).containsEntry("username", staff.username()).containsEntry("enabled", true);
        assertThat(identity.get("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(UserServiceApi.keycloak.isMember(tenant.id(), staff.id())).isTrue();
        assertThat(UserServiceApi.keycloak.realmRoles(staff.id())).contains("usermodels-staff");
        var rows = new TenantSql(dataSource);
        assertThat(rows.count(
                        tenant.id(),
                        "select count(*) from outbox_events where aggregate_id = ? and type = 'UserRestored' and sequence = 3",
                        staff.id()))
                .isOne();
        assertThat(ids(listPage(tenant.slug(), Map.of()))).doesNotContain(staff.id());
        var undelete = restore.statements().stream()
                .filter(statement -> statement.startsWith("update users set deleted_at"))
                .toList();
        assertThat(undelete).hasSize(1);
        DocumentedSql.matches("repositories.md", "undelete", undelete);
    }

    @Test
    void refusesARestoreWhenAnotherUserTookTheUsernameAndChangesNothing() {
        var user = api.createUser(tenant);
        delete(tenant, user.id());
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "user",
                        "firstName",
                        "Una",
                        "lastName",
                        "Other",
                        "username",
                        user.username(),
                        "email",
                        UserServiceApi.unique("other") + "@example.org",
                        "password",
                        "User-password-1"))
                .post("/users")
                .then()
                .statusCode(201);

        api.as(api.platformAdminToken())
                .post("/tenants/" + tenant.slug() + "/deleted-users/" + user.id() + "/restore")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("username"))
                .body("detail", org.hamcrest.Matchers.containsString("since the deletion"));

        assertThat(ids(listPage(tenant.slug(), Map.of()))).contains(user.id());
        assertThat(UserServiceApi.keycloak.findUser(user.id())).isEmpty();
    }

    @Test
    void anotherTenantsSlugALiveUserAndAnUnknownIdGet404() {
        var user = api.createUser(tenant);
        var alive = api.createUser(tenant);
        delete(tenant, user.id());
        var other = api.createTenant();
        var platformAdmin = api.platformAdminToken();

        for (var path : List.of(
                "/tenants/" + other.slug() + "/deleted-users/" + user.id() + "/restore",
                "/tenants/" + tenant.slug() + "/deleted-users/" + alive.id() + "/restore",
                "/tenants/" + tenant.slug() + "/deleted-users/" + UUID.randomUUID() + "/restore",
                "/tenants/no-such-tenant/deleted-users/" + user.id() + "/restore")) {
            api.as(platformAdmin).post(path).then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(ids(listPage(other.slug(), Map.of()))).isEmpty();
        assertThat(ids(listPage(tenant.slug(), Map.of()))).containsExactly(user.id());
    }

    @Test
    void aTenantAdministratorMayNeitherListNorRestore() {
        var user = api.createUser(tenant);
        delete(tenant, user.id());

        api.as(tenant.adminToken())
                .get("/tenants/" + tenant.slug() + "/deleted-users")
                .then()
                .statusCode(403);
        api.as(tenant.adminToken())
                .post("/tenants/" + tenant.slug() + "/deleted-users/" + user.id() + "/restore")
                .then()
                .statusCode(403);
        assertThat(ids(listPage(tenant.slug(), Map.of()))).containsExactly(user.id());
    }

    @Test
    void refusesACursorItDidNotGiveOutAndALimitOutOfRange() {
        var admin = api.platformAdminToken();
        for (var query : List.of(
                Map.of("cursor", "bm90LWEtY3Vyc29y"),
                Map.of("cursor", "%%%"),
                Map.of("limit", "0"),
                Map.of("limit", "101"))) {
            api.as(admin)
                    .queryParams(query)
                    .get("/tenants/" + tenant.slug() + "/deleted-users")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private void delete(UserServiceApi.Tenant owner, UUID user) {
        api.as(owner.adminToken()).delete("/users/" + user).then().statusCode(204);
    }

    private Map<String, Object> listPage(String slug, Map<String, ?> query) {
        return api.as(api.platformAdminToken())
                .queryParams(query)
                .get("/tenants/" + slug + "/deleted-users")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(item -> UUID.fromString((String) item.get("id"))).toList();
    }

    private <T> SqlRecorder.Recorded<T> recorded(java.util.function.Supplier<T> call) {
        sql.clear();
        return sql.record(call);
    }

    /**
     * The plan of the next page's statement, in a transaction of the tenant, with sequential scans made too dear
     * to choose: whether the partial index can serve the list, whatever the few rows of a test would prefer.
     */
    private List<String> plan(String statement) {
        var ref = new TenantRef(tenant.id(), tenant.slug());
        return TenantContext.callAs(
                ref,
                () -> transactions.execute(status -> {
                    var jdbc = new JdbcTemplate(dataSource);
                    jdbc.execute("set local enable_seqscan = off");
                    return jdbc.queryForList(
                            "explain (costs off) "
                                    + statement
                                            .replaceFirst("\\?", "now()")
                                            .replaceFirst("\\?", "'" + new UUID(0, 0) + "'")
                                            .replaceFirst("\\?", "10"),
                            String.class);
                }));
    }
}
