package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.infra.CurlWalkthrough;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;

/**
 * One authenticated request flowing client → gateway → service → database, and every way a request without
 * a good token is turned away, with real Keycloak tokens, real PostgreSQL and the services' built jars.
 */
class GatewayEndToEndIT {

    static KeycloakTokens tokens;
    static RealmAdmin admin;
    static String demoToken;
    static UUID demoId;
    static UUID demoOrganization;

    @BeforeAll
    static void system() {
        RunningSystem.services();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
        admin = new RealmAdmin(RunningSystem.keycloak());
        demoToken = tokens.password(UsermodelsRealm.DEMO_USER, "organization");
        demoId = admin.userId(UsermodelsRealm.DEMO_USER.username());
        demoOrganization = admin.organizationId(UsermodelsRealm.DEMO_ORGANIZATION);
    }

    static RequestSpecification gateway() {
        return given().baseUri(RunningSystem.services().gateway().toString());
    }

    static RequestSpecification service(String name) {
        return given().baseUri(RunningSystem.services().service(name).baseUri().toString());
    }

    @Test
    void answersTheCallerOnBothServicesWithTheTenantOfTheToken() throws SQLException {
        for (var call = 0; call < 2; call++) {
            gateway()
                    .auth()
                    .oauth2(demoToken)
                    .get("/api/users/me")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(demoId.toString()))
                    .body("username", equalTo("demo"))
                    .body("tenant.slug", equalTo("demo"))
                    .body("tenant.id", equalTo(demoOrganization.toString()));
            gateway()
                    .auth()
                    .oauth2(demoToken)
                    .get("/api/profiles/me")
                    .then()
                    .statusCode(200)
                    .body("userId", equalTo(demoId.toString()))
                    .body("tenant.slug", equalTo("demo"));
        }

        assertThat(userRows(demoId)).as("one row after two calls").isOne();
    }

    /**
     * Every answer a system test gets is held to the stored OpenAPI description ({@link ContractValidation}):
     * a success, a refusal at the edge, a problem from a service and a miss each pass through it here.
     */
    @Test
    void everyAnswerOfTheApiIsHeldToItsDescription() {
        var before = ContractValidation.validated();

        gateway().auth().oauth2(demoToken).get("/api/users/me").then().statusCode(200);
        gateway().get("/api/profiles/me").then().statusCode(401);
        gateway()
                .auth()
                .oauth2(demoToken)
                .contentType("application/merge-patch+json")
                .body("{}")
                .patch("/api/users/me")
                .then()
                .statusCode(428);
        gateway()
                .auth()
                .oauth2(demoToken)
                .get("/api/users/" + UUID.randomUUID())
                .then()
                .statusCode(404);

        assertThat(ContractValidation.validated() - before).isEqualTo(4);
    }

    @Test
    void refusesARequestWithoutTokenAtTheEdge() {
        for (var path : new String[] {"/api/users/me", "/api/profiles/me", "/api/tenants", "/api/groups"}) {
            gateway()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("status", equalTo(401))
                    .body("requestId", notNullValue());
        }
    }

    @Test
    void refusesAnExpiredTokenAtTheEdgeAndAtTheService() throws Exception {
        var token = tokens.password(RunningSystem.EXPIRY_PROBE_CLIENT, "demo", "demo", "organization");
        var expiresAt =
                SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        gateway().auth().oauth2(token).get("/api/users/me").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> Instant.now()
                        .isAfter(expiresAt.plus(RunningSystem.CLOCK_SKEW).plusSeconds(1)));

        gateway()
                .auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\".*"));
        service("user-service")
                .auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", matchesPattern("Bearer error=\"invalid_token\".*"));
    }

    @Test
    void refusesATokenSignedByAKeyKeycloakNeverIssued() throws Exception {
        var real = SignedJWT.parse(demoToken);
        var foreignKey =
                new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        var forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(real.getHeader().getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder(real.getJWTClaimsSet())
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        forged.sign(new RSASSASigner(foreignKey));

        gateway()
                .auth()
                .oauth2(forged.serialize())
                .get("/api/users/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        service("profile-service")
                .auth()
                .oauth2(forged.serialize())
                .get("/api/profiles/me")
                .then()
                .statusCode(401);
    }

    @Test
    void ignoresATenantHeaderTheClientMadeUp() {
        var otherTenant = admin.createOrganization(
                "spoofed-" + UUID.randomUUID().toString().substring(0, 8));

        gateway()
                .auth()
                .oauth2(demoToken)
                .header("X-Tenant-Id", otherTenant.toString())
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .body("tenant.id", equalTo(demoOrganization.toString()));
        gateway()
                .auth()
                .oauth2(demoToken)
                .header("X-Tenant-Id", otherTenant.toString())
                .get("/api/profiles/me")
                .then()
                .statusCode(200)
                .body("tenant.id", equalTo(demoOrganization.toString()));
    }

    @Test
    void refusesTenantScopedCallsOfATokenWithoutOrganization() {
        var adminToken = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");

        for (var path : new String[] {"/api/users/me", "/api/profiles/me"}) {
            gateway()
                    .auth()
                    .oauth2(adminToken)
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("requiredScope", equalTo("organization"))
                    .body("requestId", notNullValue());
        }
    }

    @Test
    void carriesTheRequestIdFromTheClientToTheServiceLogAndBack() throws Exception {
        var requestId = "trace-" + UUID.randomUUID();

        gateway()
                .auth()
                .oauth2(tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization"))
                .header("X-Request-Id", requestId)
                .get("/api/users/me")
                .then()
                .statusCode(403)
                .header("X-Request-Id", equalTo(requestId))
                .body("requestId", equalTo(requestId));

        var log = RunningSystem.services().service("gateway").logFile();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("[" + requestId + "]"));
    }

    @Test
    void answersAnUnknownPathAsProblemWithTheRequestId() {
        gateway()
                .auth()
                .oauth2(demoToken)
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/nothing-here"))
                .body("requestId", notNullValue());
    }

    @Test
    void theCurlSequenceThatBinDevPrintsWorks() throws Exception {
        var script = CurlWalkthrough.forDemoUser(
                RunningSystem.keycloak(), RunningSystem.services().gateway());
        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output)
                .contains("\"username\":\"demo\"")
                .contains("\"userId\":\"" + demoId + "\"")
                .contains("\"slug\":\"demo\"");
    }

    @Test
    void exposesHealthWithoutToken() {
        for (var name : new String[] {"gateway", "user-service", "profile-service"}) {
            service(name)
                    .get("/actuator/health/readiness")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("status", equalTo("UP"));
        }
        gateway().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static int userRows(UUID userId) throws SQLException {
        try (var connection = RunningSystem.postgres()
                        .connect(RunningSystem.usersDatabase().name());
                var statement = connection.prepareStatement("select count(*) from users where id = ?")) {
            statement.setObject(1, userId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
