package org.usermodels.user.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code /api/groups}: groups, their members and permissions, and the permissions they give. */
@UserServiceIT
class GroupsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenant() {
        api = new UserServiceApi(port);
        tenant = api.createTenant();
    }

    String createGroup(String name) {
        return api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void everyTenantStartsWithAdminsAndMembers() {
        api.as(tenant.adminToken())
                .get("/groups")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("admins", "members"))
                .body("find { it.name == 'admins' }.members", equalTo(1))
                .body("find { it.name == 'members' }.members", equalTo(1));
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * A tenant has at most {@value GroupAdministration#MAX_GROUPS} groups, so that its list of groups (one
     * response) and a user's groups stay bounded, as the OpenAPI description says they are.
     */
    @Test
    void aTenantHasAtMostAThousandGroups() {
        // the two built-in groups and 997 more: one short of the bound
        new org.usermodels.user.testing.TenantSql(dataSource).count(tenant.id(), """
                with inserted as (
                    insert into groups (tenant_id, id, name)
                    select current_tenant(), gen_random_uuid(), 'bulk-' || n from generate_series(1, 997) n
                    returning 1)
                select count(*) from inserted
                """);
        createGroup("The thousandth");

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "One too many"))
                .post("/groups")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Too many groups"));
        api.as(tenant.adminToken()).get("/groups").then().statusCode(200).body("size()", equalTo(1_000));
    }

    @Test
    void createsReadsRenamesAndDeletesAGroup() {
        var id = createGroup("Support");

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Customer support"))
                .patch("/groups/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Customer support"));
        api.as(tenant.adminToken()).get("/groups/" + id).then().statusCode(200).body("builtIn", equalTo(false));
        api.as(tenant.adminToken()).delete("/groups/" + id).then().statusCode(204);
        api.as(tenant.adminToken()).get("/groups/" + id).then().statusCode(404);
    }

    @Test
    void refusesADuplicateNameAndChangesToBuiltInGroups() {
        createGroup("Ops");
        var admins = api.as(tenant.adminToken())
                .get("/groups")
                .then()
                .extract()
                .<String>path("find { it.name == 'admins' }.id");

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "ops"))
                .post("/groups")
                .then()
                .statusCode(409);
        api.as(tenant.adminToken()).delete("/groups/" + admins).then().statusCode(409);
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "root"))
                .patch("/groups/" + admins)
                .then()
                .statusCode(409)
                .body("title", equalTo("Built-in group"));
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", " "))
                .post("/groups")
                .then()
                .statusCode(400);
    }

    @Test
    void aGroupsPermissionsReachItsMembers() {
        var user = api.createUser(tenant);
        var viewers = createGroup("Viewers");
        api.as(user.token()).get("/users").then().statusCode(403);

        api.as(tenant.adminToken())
                .put("/groups/" + viewers + "/permissions/users.view")
                .then()
                .statusCode(200);
        api.as(tenant.adminToken())
                .put("/groups/" + viewers + "/members/" + user.id())
                .then()
                .statusCode(204);

        api.as(tenant.adminToken())
                .get("/users/" + user.id() + "/permissions")
                .then()
                .statusCode(200)
                .body("$", containsInAnyOrder("users.view"));
        api.as(user.token()).get("/users").then().statusCode(200);
        api.as(tenant.adminToken())
                .get("/users?group=" + viewers)
                .then()
                .body("items.id", containsInAnyOrder(user.id().toString()));

        api.as(tenant.adminToken())
                .delete("/groups/" + viewers + "/members/" + user.id())
                .then()
                .statusCode(204);
        api.as(user.token()).get("/users").then().statusCode(403);
    }

    @Test
    void readsEffectivePermissionsWithOneQueryHoweverManyGroups() {
        var user = api.createUser(tenant);
        var one = createGroup("One");
        api.as(tenant.adminToken())
                .put("/groups/" + one + "/members/" + user.id())
                .then()
                .statusCode(204);
        api.as(tenant.adminToken())
                .put("/groups/" + one + "/permissions/users.view")
                .then()
                .statusCode(200);
        api.as(tenant.adminToken()).get("/users/" + user.id()).then().statusCode(200);
        sql.clear();
        api.as(tenant.adminToken()).get("/users/" + user.id()).then().statusCode(200);
        var withOneGroup = sql.count();

        for (var name : new String[] {"Two", "Three", "Four"}) {
            var group = createGroup(name);
            api.as(tenant.adminToken())
                    .put("/groups/" + group + "/members/" + user.id())
                    .then()
                    .statusCode(204);
            api.as(tenant.adminToken())
                    .put("/groups/" + group + "/permissions/groups.manage")
                    .then()
                    .statusCode(200);
        }
        api.as(tenant.adminToken())
                .put("/users/" + user.id() + "/permissions/attributes.manage")
                .then()
                .statusCode(200);
        sql.clear();
        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("groups.size()", equalTo(5))
                .body("permissions", containsInAnyOrder("users.view", "groups.manage", "attributes.manage"));

        assertThat(sql.count()).isEqualTo(withOneGroup);
        assertThat(sql.statements())
                .filteredOn(statement -> statement.contains("permission_code"))
                .hasSize(2);
    }

    @Test
    void aDeletedUserLeavesEveryGroupAndKeepsNoGrant() {
        var user = api.createUser(tenant);
        var support = createGroup("Support");
        api.as(tenant.adminToken())
                .put("/groups/" + support + "/members/" + user.id())
                .then()
                .statusCode(204);
        api.as(tenant.adminToken())
                .put("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(200);
        var rows = new TenantSql(dataSource);
        var membershipsAndGrants = """
                select (select count(*) from group_members where user_id = ?)
                     + (select count(*) from user_permissions where user_id = ?)
                """;
        assertThat(rows.count(tenant.id(), membershipsAndGrants, user.id(), user.id()))
                .as("members and support, and users.view")
                .isEqualTo(3);

        api.as(tenant.adminToken()).delete("/users/" + user.id()).then().statusCode(204);

        assertThat(rows.count(tenant.id(), membershipsAndGrants, user.id(), user.id()))
                .isZero();
        api.as(tenant.adminToken())
                .get("/groups/" + support)
                .then()
                .statusCode(200)
                .body("members", equalTo(0));
        api.as(tenant.adminToken())
                .put("/groups/" + support + "/members/" + user.id())
                .then()
                .statusCode(404);
        api.as(tenant.adminToken())
                .put("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(404);
    }

    @Test
    void aMemberCannotManageGroups() {
        var user = api.createUser(tenant);

        api.as(user.token())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Mine"))
                .post("/groups")
                .then()
                .statusCode(403);
        api.as(tenant.adminToken()).get("/groups").then().body("name", hasItem("members"));
    }
}
