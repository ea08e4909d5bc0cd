package org.usermodels.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code /api/tenants}: platform administrators create and change tenants, in Keycloak and here. */
@UserServiceIT
class TenantsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UserServiceApi api;
    String platformAdmin;

    @BeforeEach
    void api() {
        api = new UserServiceApi(port);
        platformAdmin = api.platformAdminToken();
    }

    static Map<String, Object> tenantBody(String slug) {
        var body = new LinkedHashMap<String, Object>();
        body.put("slug", slug);
        body.put("displayName", "Globex Corporation");
        body.put("userTypes", List.of("user", "staff"));
        return body;
    }

    /** Tenants are listed a page at a time, in slug order, each page starting after the last slug of the one before. */
    @Test
    void listsTenantsInPagesOfAtMostFiveHundred() {
        var slugs = new java.util.ArrayList<String>();
        for (var i = 0; i < 3; i++) {
            slugs.add(api.createTenant().slug());
        }
        java.util.Collections.sort(slugs);
        // pages of two from just before the first of them, until the last of them shows
        var after = slugs.getFirst().substring(0, slugs.getFirst().length() - 1);
        var seen = new java.util.ArrayList<String>();
        for (var page = 0; page < 200 && !seen.contains(slugs.getLast()); page++) {
            List<String> items = api.as(platformAdmin)
                    .get("/tenants?limit=2&after=" + after)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("slug");
            assertThat(items).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            seen.addAll(items);
            after = items.getLast();
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsSubsequence(slugs);
        api.as(platformAdmin).get("/tenants?limit=501").then().statusCode(400);
        api.as(platformAdmin).get("/tenants?limit=0").then().statusCode(400);
    }

    @Test
    void createsTheOrganizationTheBuiltInGroupsAndTheEvent() {
        var slug = UserServiceApi.unique("globex");

        var id = api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(tenantBody(slug))
                .post("/tenants")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/tenants/" + slug))
                .body("slug", equalTo(slug))
                .body("status", equalTo("ACTIVE"))
                .body("userTypes", containsInAnyOrder("user", "staff"))
                .extract()
                .<String>path("id");

        var tenant = UUID.fromString(id);
        assertThat(UserServiceApi.keycloak.organizationId(slug)).isEqualTo(tenant);
        var sql = new TenantSql(dataSource);
        assertThat(sql.count(tenant, "select count(*) from groups where name in ('admins', 'members')"))
                .isEqualTo(2);
        assertThat(sql.count(
                        tenant, "select count(*) from outbox_events where type = 'TenantCreated' and sequence = 1"))
                .isOne();
    }

    @Test
    void answersAnIdenticalRepeatWith200AndTheSameTenant() {
        var slug = UserServiceApi.unique("repeat");
        var first = api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(tenantBody(slug))
                .post("/tenants")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(tenantBody(slug))
                .post("/tenants")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    @Test
    void refusesAnotherPayloadForAnExistingSlug() {
        var slug = UserServiceApi.unique("taken");
        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(tenantBody(slug))
                .post("/tenants")
                .then()
                .statusCode(201);
        var other = tenantBody(slug);
        other.put("displayName", "Someone else");

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(other)
                .post("/tenants")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Tenant exists"));
    }

    @Test
    void refusesSlugsThatAreNotThreeToFortyLowerCaseLettersDigitsOrHyphens() {
        for (var slug : List.of("ab", "Has-Capitals", "under_score", "x".repeat(41), "spa ce")) {
            api.as(platformAdmin)
                    .contentType(ContentType.JSON)
                    .body(tenantBody(slug))
                    .post("/tenants")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("slug"));
        }
    }

    @Test
    void refusesUnknownUserTypes() {
        var body = tenantBody(UserServiceApi.unique("types"));
        body.put("userTypes", List.of("user", "robot"));

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tenants")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("userTypes[1]"));
    }

    @Test
    void letsOnlyPlatformAdministratorsManageTenants() {
        var member = UserServiceApi.tokens.password(UsermodelsRealm.DEMO_USER, "organization");

        api.as(member)
                .contentType(ContentType.JSON)
                .body(tenantBody(UserServiceApi.unique("nope")))
                .post("/tenants")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        api.as(member).get("/tenants").then().statusCode(403);
    }

    @Test
    void createsAnAdministratorWhoRunsTheTenantFromTheFirstMinute() {
        var tenant = api.createTenant("user", "customer");

        api.as(tenant.adminToken())
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(tenant.adminUsername()))
                .body("groups.name", containsInAnyOrder("admins", "members"))
                .body("permissions", hasItem("users.manage"))
                .body("tenant.slug", equalTo(tenant.slug()));
        api.createUser(tenant, "customer", Map.of());
    }

    @Test
    void listsReadsAndRenamesTenants() {
        var tenant = api.createTenant();

        api.as(platformAdmin).get("/tenants").then().statusCode(200).body("slug", hasItem(tenant.slug()));
        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Renamed"))
                .patch("/tenants/" + tenant.slug())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Renamed"));
        api.as(platformAdmin)
                .get("/tenants/" + tenant.slug())
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Renamed"))
                .body("createdAt", notNullValue());
        api.as(platformAdmin).get("/tenants/no-such-tenant").then().statusCode(404);
    }

    @Test
    void refusesEveryCallOfASuspendedTenantsUsersUntilItIsActiveAgain() {
        var tenant = api.createTenant();
        api.as(tenant.adminToken()).get("/users/me").then().statusCode(200);

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "SUSPENDED"))
                .patch("/tenants/" + tenant.slug())
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        for (var path : List.of("/users/me", "/users", "/groups", "/tenant/attributes")) {
            api.as(tenant.adminToken())
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Tenant suspended"));
        }

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "ACTIVE"))
                .patch("/tenants/" + tenant.slug())
                .then()
                .statusCode(200);
        api.as(tenant.adminToken()).get("/users/me").then().statusCode(200);
    }

    @Test
    void refusesAnUnknownStatus() {
        var tenant = api.createTenant();

        api.as(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "DELETED"))
                .patch("/tenants/" + tenant.slug())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
