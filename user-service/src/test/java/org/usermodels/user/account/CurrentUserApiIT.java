package org.usermodels.user.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.platform.testsupport.TestKeycloak;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceIT;

/** {@code /api/users/me} over HTTP, with tokens from a real Keycloak and rows in a real PostgreSQL. */
@UserServiceIT
class CurrentUserApiIT {

    static final KeycloakTokens tokens = KeycloakTokens.ofTestKeycloak();
    static final RealmAdmin admin = new RealmAdmin(TestKeycloak.endpoint());
    static String demoToken;
    static UUID demoOrganization;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @BeforeAll
    static void demoUser() {
        demoToken = tokens.password(UsermodelsRealm.DEMO_USER, "organization");
        demoOrganization = admin.organizationId(UsermodelsRealm.DEMO_ORGANIZATION);
    }

    RequestSpecification api() {
        return given().port(port).basePath("/api");
    }

    @Test
    void answersTheCallerAsAUserOfTheTenantInTheToken() {
        var demoId = admin.userId(UsermodelsRealm.DEMO_USER.username());

        api().auth()
                .oauth2(demoToken)
                .get("/users/me")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", equalTo(demoId.toString()))
                .body("username", equalTo("demo"))
                .body("email", equalTo("demo@demo.usermodels.test"))
                .body("firstName", equalTo("Dana"))
                .body("status", equalTo("ACTIVE"))
                .body("tenant.slug", equalTo("demo"))
                .body("tenant.id", equalTo(demoOrganization.toString()));
    }

    @Test
    void readsTheCurrentUserWithFourStatementsWhateverTheirHistory() {
        api().auth().oauth2(demoToken).get("/users/me").then().statusCode(200);
        sql.clear();

        api().auth().oauth2(demoToken).get("/users/me").then().statusCode(200);

        assertThat(sql.statements()).hasSize(4);
        assertThat(sql.statements().get(0)).startsWith("select set_config('app.tenant_id'");
        assertThat(sql.statements().get(1)).contains("on conflict (tenant_id, id) do nothing");
        DocumentedSql.matches("architecture.md", "users-me", sql.statements());
    }

    @Test
    void enrollsAFirstTimeCallerOnceAndOnlyOnce() {
        var newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        var newcomerId = admin.createUser(newcomer, "newcomer-password");
        admin.addMember(demoOrganization, newcomerId);
        var token = tokens.password(UsermodelsRealm.CLI_CLIENT, newcomer, "newcomer-password", "organization");
        assertThat(rowsOf(newcomerId)).isZero();

        var first = api().auth()
                .oauth2(token)
                .get("/users/me")
                .then()
                .statusCode(200)
                .extract();
        var second = api().auth()
                .oauth2(token)
                .get("/users/me")
                .then()
                .statusCode(200)
                .extract();

        assertThat(rowsOf(newcomerId)).isOne();
        assertThat(first.path("id").toString()).isEqualTo(newcomerId.toString());
        assertThat(second.path("dateJoined").toString())
                .isEqualTo(first.path("dateJoined").toString());
    }

    @Test
    void refusesWithoutTokenAsProblem() {
        api().get("/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void refusesAForgedTokenAsInvalid() {
        var parts = demoToken.split("\\.");
        var forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        api().auth()
                .oauth2(forged)
                .get("/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\".*"));
    }

    @Test
    void refusesATokenWithoutOrganizationNamingTheScopeToRequest() {
        var adminToken = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");

        api().auth()
                .oauth2(adminToken)
                .get("/users/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://usermodels.org/problems/tenant-not-resolved"))
                .body("requiredScope", equalTo("organization"))
                .body("detail", matchesPattern(".*scope 'organization'.*"));
    }

    @Test
    void refusesATokenWithSeveralOrganizationsInsteadOfPickingOne() {
        var member = "two-tenants-" + UUID.randomUUID().toString().substring(0, 8);
        var memberId = admin.createUser(member, "two-tenants-password");
        var second = admin.createOrganization(
                "second-" + UUID.randomUUID().toString().substring(0, 8));
        admin.addMember(demoOrganization, memberId);
        admin.addMember(second, memberId);
        var token = tokens.password(UsermodelsRealm.CLI_CLIENT, member, "two-tenants-password", "organization:*");

        api().auth()
                .oauth2(token)
                .get("/users/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredScope", equalTo("organization:<tenant-slug>"))
                .body("organizations", hasItem("demo"));
        assertThat(rowsOf(memberId)).isZero();
    }

    @Test
    void refusesTokensOfClientsThatMayNotCallTheApi() {
        var clientId = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createClient(Map.of(
                "clientId",
                clientId,
                "publicClient",
                true,
                "directAccessGrantsEnabled",
                true,
                "defaultClientScopes",
                new String[] {"basic", "profile", "email", "roles", "usermodels-api"},
                "optionalClientScopes",
                new String[] {"organization"}));
        var token = tokens.password(clientId, "demo", "demo", "organization");

        api().auth().oauth2(token).get("/users/me").then().statusCode(401);
    }

    @Test
    void changesTheirOwnLocaleAndTimeZoneAndClearsThemWithNull() {
        var etag = api().auth()
                .oauth2(demoToken)
                .get("/users/me")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        var changed = api().auth()
                .oauth2(demoToken)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("locale", "de-CH", "timeZone", "Europe/Zurich"))
                .patch("/users/me")
                .then()
                .statusCode(200)
                .body("locale", equalTo("de-CH"))
                .body("timeZone", equalTo("Europe/Zurich"))
                .extract()
                .header("ETag");

        api().auth()
                .oauth2(demoToken)
                .contentType("application/merge-patch+json")
                .header("If-Match", changed)
                .body("{\"timeZone\": null}")
                .patch("/users/me")
                .then()
                .statusCode(200)
                .body("locale", equalTo("de-CH"))
                .body("timeZone", nullValue());
    }

    @Test
    void answersInvalidFieldsWithOneEntryEach() {
        var etag =
                api().auth().oauth2(demoToken).get("/users/me").then().extract().header("ETag");

        api().auth()
                .oauth2(demoToken)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("locale", "not a tag!", "timeZone", "Mars/Olympus"))
                .patch("/users/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.size()", equalTo(2))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("locale", "timeZone"))
                .body("requestId", notNullValue());
    }

    @Test
    void answersMalformedJsonWithWhereItBroke() {
        api().auth()
                .oauth2(demoToken)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"locale\": \"en\",")
                .patch("/users/me")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", matchesPattern("The request body is not valid JSON \\(line \\d+, column \\d+\\)\\."));
    }

    @Test
    void answersAWrongMediaTypeWith415() {
        api().auth()
                .oauth2(demoToken)
                .contentType(ContentType.TEXT)
                .body("locale=en")
                .patch("/users/me")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void answersAWrongMethodWith405() {
        api().auth()
                .oauth2(demoToken)
                .post("/users/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", org.hamcrest.Matchers.containsString("GET"));
    }

    @Test
    void answersAnUnknownPathWith404() {
        api().auth()
                .oauth2(demoToken)
                .get("/users/me/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/users/me/nothing-here"));
    }

    @Test
    void keepsTheRequestIdTheCallerSent() {
        api().header("X-Request-Id", "client-chosen-id-42")
                .auth()
                .oauth2(demoToken)
                .get("/users/me")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("client-chosen-id-42"));
    }

    @Test
    void reportsLivenessAndReadinessWithTheDatabase() {
        given().port(port)
                .get("/actuator/health/liveness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().port(port)
                .get("/actuator/health/readiness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    private long rowsOf(UUID userId) {
        return new TenantSql(dataSource).count(demoOrganization, "select count(*) from users where id = ?", userId);
    }
}
