package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.time.LocalDate;
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

/** {@code /api/users}: creating, reading, changing and deleting users of all three models, in both stores. */
@UserServiceIT
class UsersApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenantWithEveryType() {
        api = new UserServiceApi(port);
        tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
    }

    Map<String, Object> body(String type, Map<String, Object> details) {
        var username = UserServiceApi.unique(type);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("firstName", "Grace");
        body.put("lastName", "Hopper");
        body.put("password", "Initial-password-1");
        body.putAll(details);
        return body;
    }

    @Test
    void createsAUserOfEachTypeInBothStores() {
        var sql = new TenantSql(dataSource);
        for (var entry : UserServiceApi.detailsOfEachType().entrySet()) {
            var request = body(entry.getKey(), entry.getValue());

            var response = api.as(tenant.adminToken())
                    .contentType(ContentType.JSON)
                    .body(request)
                    .post("/users")
                    .then()
                    .statusCode(201)
                    .header("Location", matchesPattern(".*/api/users/[0-9a-f-]{36}"))
                    .header("ETag", notNullValue())
                    .body("type", equalTo(entry.getKey()))
                    .body("status", equalTo("ACTIVE"))
                    .body("groups.name", containsInAnyOrder("members"))
                    .extract();

            var id = UUID.fromString(response.path("id"));
            assertThat(UserServiceApi.keycloak.userId(request.get("username").toString()))
                    .isEqualTo(id);
            var token = UserServiceApi.tokens.password(
                    UsermodelsRealm.CLI_CLIENT,
                    request.get("username").toString(),
                    "Initial-password-1",
                    "organization");
            api.as(token).get("/users/me").then().statusCode(200).body("id", equalTo(id.toString()));
            assertThat(sql.count(
                            tenant.id(),
                            "select count(*) from outbox_events where aggregate_id = ? and type = 'UserRegistered'",
                            id))
                    .isOne();
        }
    }

    @Test
    void answersTheFieldsOfEachType() {
        var customer = api.createUser(
                tenant, "customer", UserServiceApi.detailsOfEachType().get("customer"));
        var staff = api.createUser(
                tenant,
                "staff",
                Map.of(
                        "staff",
                        Map.of(
                                "employeeNumber",
                                UserServiceApi.unique("E"),
                                "hireDate",
                                "2021-03-04",
                                "jobTitle",
                                "Engineer")));
        var partner = api.createUser(tenant, "partner", Map.of("partner", Map.of("companyName", "Initech")));

        api.as(tenant.adminToken())
                .get("/users/" + customer.id())
                .then()
                .statusCode(200)
                .body("customer.customerNumber", matchesPattern("C-\\d{6}"))
                .body("customer.loyaltyTier", equalTo("SILVER"))
                .body("customer.marketingConsent", equalTo(true))
                .body("customer.marketingConsentAt", notNullValue())
                .body("staff", nullValue());
        api.as(tenant.adminToken())
                .get("/users/" + staff.id())
                .then()
                .body("staff.hireDate", equalTo("2021-03-04"))
                .body("staff.jobTitle", equalTo("Engineer"))
                .body("customer", nullValue());
        api.as(tenant.adminToken())
                .get("/users/" + partner.id())
                .then()
                .body("partner.companyName", equalTo("Initech"))
                .body("partner.partnerTier", equalTo("REGISTERED"));
    }

    @Test
    void numbersCustomersOneAfterAnotherInEachTenant() {
        var first = api.createUser(tenant, "customer", Map.of());
        var second = api.createUser(tenant, "customer", Map.of());

        var numbers = List.of(
                ((Map<?, ?>) first.body().get("customer")).get("customerNumber"),
                ((Map<?, ?>) second.body().get("customer")).get("customerNumber"));

        assertThat(numbers).containsExactly("C-000001", "C-000002");
    }

    @Test
    void refusesATypeTheTenantHasNotEnabledNamingTheEnabledOnes() {
        var narrow = api.createTenant("user", "customer");

        api.as(narrow.adminToken())
                .contentType(ContentType.JSON)
                .body(body("staff", UserServiceApi.detailsOfEachType().get("staff")))
                .post("/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("[customer, user]"));
    }

    @Test
    void refusesFieldsOfAnotherTypeAndMissingOnes() {
        var request = body("staff", Map.of("partner", Map.of("companyName", "Initech")));

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("staff", "partner"));
    }

    @Test
    void answersEachInvalidFieldOnce() {
        var request = new LinkedHashMap<String, Object>();
        request.put("username", "has space");
        request.put("email", "not-an-email");
        request.put("firstName", "");
        request.put("password", "short");
        request.put("type", "staff");
        request.put(
                "staff",
                Map.of(
                        "employeeNumber",
                        "E-1",
                        "hireDate",
                        LocalDate.now().plusDays(3).toString()));

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder("username", "email", "firstName", "lastName", "password", "staff.hireDate"));
    }

    @Test
    void refusesATakenUsernameWithoutCreatingAnIdentity() {
        var existing = api.createUser(tenant);
        var request = body("user", Map.of());
        request.put("username", existing.username());

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(409)
                .body("field", equalTo("username"));
    }

    @Test
    void refusesATakenEmployeeNumber() {
        var number = UserServiceApi.unique("E");
        api.createUser(tenant, "staff", Map.of("staff", Map.of("employeeNumber", number, "hireDate", "2020-01-01")));

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(body("staff", Map.of("staff", Map.of("employeeNumber", number, "hireDate", "2020-01-01"))))
                .post("/users")
                .then()
                .statusCode(409)
                .body("field", equalTo("staff.employeeNumber"));
    }

    @Test
    void neverStoresTheInitialPassword() {
        var request = body("user", Map.of());
        request.put("password", "Very-secret-password-42");

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(201);

        var sql = new TenantSql(dataSource);
        assertThat(sql.count(tenant.id(), "select count(*) from users where cast(users as text) like '%Very-secret%'"))
                .isZero();
        assertThat(sql.count(
                        tenant.id(), "select count(*) from outbox_events where payload::text like '%Very-secret%'"))
                .isZero();
    }

    @Test
    void withoutPasswordTheUserMustChooseOneFirst() {
        var request = body("user", Map.of());
        request.remove("password");

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(201);

        var attempt = org.assertj.core.api.Assertions.catchThrowable(() -> UserServiceApi.tokens.password(
                UsermodelsRealm.CLI_CLIENT, request.get("username").toString(), "anything", "organization"));
        assertThat(attempt).hasMessageContaining("invalid_grant");
    }

    /** Behind the gateway, a link names the gateway as the client called it: the gateway says so in X-Forwarded-*. */
    @Test
    void aLocationNamesTheHostTheGatewayForwards() {
        api.as(tenant.adminToken())
                .header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .contentType(ContentType.JSON)
                .body(body("user", Map.of()))
                .post("/users")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern("https://api\\.example\\.com/api/users/[0-9a-f-]{36}"));
    }

    @Test
    void replaysTheFirstResponseForARepeatedIdempotencyKey() {
        var key = UUID.randomUUID().toString();
        var request = body("user", Map.of());

        var first = api.as(tenant.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(201)
                .extract();
        var second = api.as(tenant.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(request)
                .post("/users")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();

        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        var other = body("user", Map.of());
        api.as(tenant.adminToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(other)
                .post("/users")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void readsAUserWithETagAndAnswersNotModified() {
        var user = api.createUser(tenant);

        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"" + user.body().get("version") + "\""))
                .body("permissions", notNullValue())
                .extract()
                .header("ETag");
        api.as(tenant.adminToken())
                .header("If-None-Match", etag)
                .get("/users/" + user.id())
                .then()
                .statusCode(304);
    }

    @Test
    void changesAUserWithAMergePatchAndPropagatesToKeycloak() {
        var user = api.createUser(
                tenant, "staff", UserServiceApi.detailsOfEachType().get("staff"));
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");

        var newEmail = UserServiceApi.unique("changed") + "@example.org";
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("email", newEmail, "lastName", "Lovelace", "staff", Map.of("jobTitle", "Architect")))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("email", equalTo(newEmail))
                .body("lastName", equalTo("Lovelace"))
                .body("staff.jobTitle", equalTo("Architect"))
                .body("staff.department", equalTo("Research"))
                .header("ETag", org.hamcrest.Matchers.not(etag));

        var identity = UserServiceApi.keycloak.user(user.id());
        assertThat(identity.get("email")).isEqualTo(newEmail);
        assertThat(identity.get("lastName")).isEqualTo("Lovelace");
    }

    @Test
    void refusesAStaleOrMissingPrecondition() {
        var user = api.createUser(tenant);

        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .body(Map.of("lastName", "Nobody"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"999\"")
                .body(Map.of("lastName", "Nobody"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    /** RFC 9110: {@code If-Match: *} matches any current representation; a weak tag never matches. */
    @Test
    void anAsteriskMatchesWhateverVersionTheUserIsAt() {
        var user = api.createUser(tenant);
        var afterAny = api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "*")
                .body(Map.of("lastName", "Anyversion"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Anyversion"))
                .extract()
                .header("ETag");
        var afterList = api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"999\", " + afterAny)
                .body(Map.of("lastName", "Listed"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Listed"))
                .extract()
                .header("ETag");
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "W/" + afterList)
                .body(Map.of("lastName", "Weak"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(412);
        var stranger = api.createTenant();
        api.as(stranger.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", "*")
                .body(Map.of("lastName", "Intruder"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(404);
        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Listed"));
    }

    @Test
    void refusesToChangeATypeAndExplainsWhy() {
        var user = api.createUser(tenant, "customer", Map.of());
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");

        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("type", "staff"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(409)
                .body("title", equalTo("A user's type is fixed"))
                .body("detail", containsString("cannot become a staff"));
    }

    @Test
    void refusesToChangeTheUsernameOrUnknownFields() {
        var user = api.createUser(tenant);
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");

        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("username", "someone-else", "dateJoined", "2000-01-01T00:00:00Z"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("dateJoined"));
    }

    @Test
    void aMemberEditsThemselvesButNotTheirStatusNorOthers() {
        var user = api.createUser(tenant);
        var other = api.createUser(tenant);
        var token = user.token();
        var etag =
                api.as(token).get("/users/me").then().statusCode(200).extract().header("ETag");

        api.as(token)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("firstName", "Self"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Self"));
        var newer = api.as(token).get("/users/me").then().extract().header("ETag");
        api.as(token)
                .contentType("application/merge-patch+json")
                .header("If-Match", newer)
                .body(Map.of("status", "DISABLED"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(403);
        api.as(token).get("/users/" + other.id()).then().statusCode(403);
        api.as(token).get("/users").then().statusCode(403);
        api.as(token).delete("/users/" + other.id()).then().statusCode(403);
    }

    @Test
    void deletesAUserInBothStoresAndRecordsTheEvent() {
        var user = api.createUser(tenant);

        api.as(tenant.adminToken()).delete("/users/" + user.id()).then().statusCode(204);

        api.as(tenant.adminToken()).get("/users/" + user.id()).then().statusCode(404);
        assertThat(UserServiceApi.keycloak.findUser(user.id())).isEmpty();
        var sql = new TenantSql(dataSource);
        assertThat(sql.count(
                        tenant.id(), "select count(*) from users where id = ? and deleted_at is not null", user.id()))
                .isOne();
        assertThat(sql.count(
                        tenant.id(),
                        "select count(*) from outbox_events where aggregate_id = ? and type = 'UserDeleted' and sequence = 2",
                        user.id()))
                .isOne();
        var again = body("user", Map.of());
        again.put("username", user.username() + "-again");
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(again)
                .post("/users")
                .then()
                .statusCode(201);
    }

    @Test
    void anotherTenantsTokenGets404ForEveryUserUrl() {
        var user = api.createUser(tenant);
        var group = api.as(tenant.adminToken())
                .get("/groups")
                .then()
                .extract()
                .<String>path("find { it.name == 'members' }.id");
        var stranger = api.createTenant();
        var etag = "\"0\"";

        api.as(stranger.adminToken()).get("/users/" + user.id()).then().statusCode(404);
        api.as(stranger.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("firstName", "Mallory"))
                .patch("/users/" + user.id())
                .then()
                .statusCode(404);
        api.as(stranger.adminToken()).delete("/users/" + user.id()).then().statusCode(404);
        api.as(stranger.adminToken())
                .get("/users/" + user.id() + "/permissions")
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .put("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .delete("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(404);
        api.as(stranger.adminToken()).get("/groups/" + group).then().statusCode(404);
        api.as(stranger.adminToken())
                .put("/groups/" + group + "/members/" + user.id())
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .put("/groups/" + stranger.id() + "/members/" + user.id())
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .delete("/groups/" + group + "/members/" + user.id())
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "stolen"))
                .patch("/groups/" + group)
                .then()
                .statusCode(404);
        api.as(stranger.adminToken()).delete("/groups/" + group).then().statusCode(404);
        api.as(stranger.adminToken())
                .put("/groups/" + group + "/permissions/users.view")
                .then()
                .statusCode(404);
        api.as(stranger.adminToken())
                .delete("/groups/" + group + "/permissions/users.view")
                .then()
                .statusCode(404);
        var strangersGroup = api.as(stranger.adminToken())
                .get("/groups")
                .then()
                .extract()
                .<String>path("find { it.name == 'members' }.id");
        api.as(stranger.adminToken())
                .put("/groups/" + strangersGroup + "/members/" + user.id())
                .then()
                .statusCode(404);

        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .body("firstName", equalTo("Una"));
    }

    @Test
    void grantsPermissionsDirectlyAndReportsTheEffectiveSet() {
        var user = api.createUser(tenant);

        api.as(tenant.adminToken())
                .put("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(200)
                .body("$", containsInAnyOrder("users.view"));
        api.as(user.token()).get("/users").then().statusCode(200);
        api.as(tenant.adminToken())
                .put("/users/" + user.id() + "/permissions/no.such")
                .then()
                .statusCode(400);
        api.as(tenant.adminToken())
                .delete("/users/" + user.id() + "/permissions/users.view")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }
}
