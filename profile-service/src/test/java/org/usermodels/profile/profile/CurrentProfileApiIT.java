package org.usermodels.profile.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;
import org.usermodels.platform.testsupport.TestKeycloak;
import org.usermodels.profile.testing.ProfileServiceIT;

/** {@code /api/profiles/me} over HTTP, with tokens from a real Keycloak and rows in a real PostgreSQL. */
@ProfileServiceIT
class CurrentProfileApiIT {

    static final KeycloakTokens tokens = KeycloakTokens.ofTestKeycloak();
    static final RealmAdmin admin = new RealmAdmin(TestKeycloak.endpoint());
    static String demoToken;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void demoUser() {
        demoToken = tokens.password(UsermodelsRealm.DEMO_USER, "organization");
    }

    RequestSpecification api() {
        return given().port(port).basePath("/api");
    }

    @Test
    void createsAnEmptyBasicProfileOnTheFirstCallAndKeepsIt() {
        var demoId = admin.userId(UsermodelsRealm.DEMO_USER.username());
        var demoOrganization = admin.organizationId(UsermodelsRealm.DEMO_ORGANIZATION);

        for (var call = 0; call < 2; call++) {
            api().auth()
                    .oauth2(demoToken)
                    .get("/profiles/me")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("userId", equalTo(demoId.toString()))
                    .body("kind", equalTo("basic"))
                    .body("displayName", equalTo("Dana Demo"))
                    .body("bio", nullValue())
                    .body("tenant.slug", equalTo("demo"))
                    .body("tenant.id", equalTo(demoOrganization.toString()));
        }

        assertThat(profilesOf(demoId)).isOne();
    }

    @Test
    void refusesWithoutTokenAsProblem() {
        api().get("/profiles/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("requestId", notNullValue());
    }

    @Test
    void refusesATokenWithoutOrganization() {
        var adminToken = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");

        api().auth()
                .oauth2(adminToken)
                .get("/profiles/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requiredScope", equalTo("organization"));
    }

    @Test
    void answersAWrongMethodWith405() {
        api().auth()
                .oauth2(demoToken)
                .post("/profiles/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void answersAnUnknownPathWith404() {
        api().auth()
                .oauth2(demoToken)
                .get("/profiles/nowhere/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void reportsReadinessWithTheDatabase() {
        given().port(port)
                .get("/actuator/health/readiness")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    private int profilesOf(UUID userId) {
        return jdbc.queryForObject(
                "select count(*) from tenant_demo.profiles where user_id = ?", Integer.class, userId);
    }
}
