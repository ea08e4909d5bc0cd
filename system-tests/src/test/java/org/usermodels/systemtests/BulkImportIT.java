package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import and export through the gateway, as an operator onboards a tenant: a CSV file uploaded on the
 * bulk route, its job followed to the end, the users in both stores and their profiles following by events,
 * the tenant exported in both formats, and nothing of it visible to another tenant.
 */
class BulkImportIT {

    static final JsonMapper json = JsonMapper.builder().build();
    static KeycloakTokens tokens;

    @BeforeAll
    static void system() {
        RunningSystem.services();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
    }

    static RequestSpecification gateway(String token) {
        return given().baseUri(RunningSystem.services().gateway().toString())
                .config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("text/csv", ContentType.TEXT)
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(token);
    }

    /** A tenant of every type, created by the platform administrator; answers its administrator's token. */
    static String tenant(String slug) {
        var platformAdmin = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
        gateway(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "displayName",
                        "Bulk " + slug,
                        "userTypes",
                        List.of("user", "customer", "staff", "partner"),
                        "admin",
                        Map.of(
                                "username", "admin-" + slug,
                                "email", "admin@" + slug + ".example",
                                "firstName", "Ada",
                                "lastName", "Admin",
                                "password", "Admin-password-1")))
                .post("/api/tenants")
                .then()
                .statusCode(201);
        return tokens.password(UsermodelsRealm.CLI_CLIENT, "admin-" + slug, "Admin-password-1", "organization");
    }

    @Test
    void onboardsATenantFromACsvFileAndExportsItAgain() {
        var slug = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = tenant(slug);
        var csv = new StringBuilder(
                "type,username,email,firstName,lastName,staff.employeeNumber,staff.hireDate,customer.loyaltyTier\n");
        for (var i = 0; i < 12; i++) {
            var username = "%s-person-%02d".formatted(slug, i);
            switch (i % 3) {
                case 0 ->
                    csv.append("user,%s,%s@%s.example,Person,Number %d,,,\n".formatted(username, username, slug, i));
                case 1 ->
                    csv.append("staff,%s,%s@%s.example,Staff,Number %d,E-%d,2020-01-0%d,\n"
                            .formatted(username, username, slug, i, i, 1 + i % 9));
                default ->
                    csv.append("customer,%s,%s@%s.example,Customer,Number %d,,,GOLD\n"
                            .formatted(username, username, slug, i));
            }
        }
        csv.append("staff,%s-nobody,not-an-email,No,Body,E-99,2020-01-01,\n".formatted(slug));

        var accepted = gateway(admin)
                .contentType("text/csv")
                .header("Idempotency-Key", slug)
                .body(csv.toString())
                .post("/api/users/imports")
                .then()
                .statusCode(202)
                .extract();
        var job = accepted.<String>path("id");
        // the job's address as the client called the gateway, never user-service's own
        assertThat(accepted.header("Location"))
                .isEqualTo(RunningSystem.services()
                        .gateway()
                        .resolve("/api/users/imports/" + job)
                        .toString());
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED"
                        .equals(gateway(admin)
                                .get("/api/users/imports/" + job)
                                .then()
                                .extract()
                                .path("status")));

        gateway(admin)
                .get("/api/users/imports/" + job)
                .then()
                .body("importedRows", equalTo(12))
                .body("failedRows", equalTo(1))
                .body("problems[0].row", equalTo(14))
                .body("problems[0].errors[0].field", equalTo("email"));
        var staff = gateway(admin)
                .get("/api/users?type=staff&limit=50")
                .then()
                .statusCode(200)
                .extract()
                .<List<String>>path("items.id");
        assertThat(staff).hasSize(4);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> gateway(admin)
                        .get("/api/profiles/" + staff.getFirst())
                        .then()
                        .statusCode(200)
                        .body("kind", equalTo("staff")));

        var ndjson = gateway(admin)
                .accept("application/x-ndjson")
                .get("/api/users/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        assertThat(ndjson.lines()
                        .map(json::readTree)
                        .map(line -> line.get("username").asString()))
                .as("the administrator and the twelve imported")
                .hasSize(13)
                .contains(slug + "-person-00", slug + "-person-11", "admin-" + slug);
        var exported = gateway(admin)
                .get("/api/users/export?format=csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"users-" + slug + ".csv\"")
                .extract()
                .asString();
        assertThat(exported.lines().findFirst().orElseThrow()).startsWith("id,type,username,email,firstName,lastName");
        assertThat(exported.lines()).hasSize(14).anyMatch(line -> line.contains(",GOLD,"));

        var stranger = tenant("bulk-" + UUID.randomUUID().toString().substring(0, 8));
        gateway(stranger)
                .get("/api/users/imports/" + job)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        gateway(stranger).get("/api/users/imports/" + job + "/problems").then().statusCode(404);
        assertThat(gateway(stranger)
                        .get("/api/users/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .lines())
                .as("the stranger's export holds the stranger's administrator only")
                .hasSize(1);
    }
}
