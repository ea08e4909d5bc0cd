package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;

/**
 * The operations the README's story and the other system tests leave out, each used as a client would use it,
 * through the gateway: renaming a group and taking a permission back from it, a user's own permissions, a
 * change of a user under {@code If-Match}, a tenant renamed by the platform administrator and the list of
 * tenants, the imports and their problems, a staff member's addresses and skills, a deleted user listed and
 * restored by the platform administrator. With the other suites, every
 * operation the descriptions name is seen to succeed, and each answer is held to the description (and, when docs
 * are recorded, becomes the operation's example).
 */
class OperationTourIT {

    static KeycloakTokens tokens;
    static String slug;
    static String admin;

    @BeforeAll
    static void tenant() {
        RunningSystem.services();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
        slug = "tour-" + UUID.randomUUID().toString().substring(0, 8);
        as(platformAdmin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "displayName",
                        "Acme Tours",
                        "userTypes",
                        List.of("user", "staff"),
                        "admin",
                        Map.of(
                                "username", "ada-" + slug,
                                "email", "ada@" + slug + ".example",
                                "firstName", "Ada",
                                "lastName", "Lovelace",
                                "password", "Admin-password-1")))
                .post("/api/tenants")
                .then()
                .statusCode(201);
        admin = tokens.password(UsermodelsRealm.CLI_CLIENT, "ada-" + slug, "Admin-password-1", "organization");
    }

    @Test
    void aGroupIsRenamedAndAPermissionTakenBack() {
        var group = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "support"))
                .post("/api/groups")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");
        as(admin).put("/api/groups/" + group + "/permissions/users.view").then().statusCode(200);

        as(admin)
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"customer-support\"}")
                .patch("/api/groups/" + group)
                .then()
                .statusCode(200)
                .body("name", equalTo("customer-support"));
        as(admin)
                .delete("/api/groups/" + group + "/permissions/users.view")
                .then()
                .statusCode(200)
                .body("permissions", not(hasItem("users.view")));
    }

    @Test
    void aUserIsChangedUnderIfMatchAndGetsAPermissionOfTheirOwn() {
        var user = createStaffMember("grace");
        var etag = as(admin)
                .get("/api/users/" + user)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        as(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body("{\"lastName\": \"Hopper\", \"staff\": {\"jobTitle\": \"Rear Admiral\"}}")
                .patch("/api/users/" + user)
                .then()
                .statusCode(200)
                .body("lastName", equalTo("Hopper"))
                .body("staff.jobTitle", equalTo("Rear Admiral"));
        as(admin).put("/api/users/" + user + "/permissions/users.view").then().statusCode(200);
        as(admin)
                .get("/api/users/" + user + "/permissions")
                .then()
                .statusCode(200)
                .body("$", hasItem("users.view"));
        as(admin)
                .delete("/api/users/" + user + "/permissions/users.view")
                .then()
                .statusCode(200)
                .body("$", not(hasItem("users.view")));
    }

    @Test
    void thePlatformAdministratorListsAndRenamesTenants() {
        // tenants come in the order of their slugs, a page after the slug given
        as(platformAdmin())
                .get("/api/tenants?after=tour-&limit=1")
                .then()
                .statusCode(200)
                .body("slug", equalTo(List.of(slug)));
        as(platformAdmin())
                .contentType("application/merge-patch+json")
                .body("{\"displayName\": \"Acme Tours International\"}")
                .patch("/api/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Acme Tours International"));
    }

    @Test
    void thePlatformAdministratorRestoresADeletedUserWhoseProfileStartsAgain() {
        var user = createStaffMember("lazarus");
        as(admin).delete("/api/users/" + user).then().statusCode(204);
        as(platformAdmin())
                .get("/api/tenants/" + slug + "/deleted-users?limit=10")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(user));

        as(platformAdmin())
                .post("/api/tenants/" + slug + "/deleted-users/" + user + "/restore")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("staff.employeeNumber", equalTo("T-lazarus"));

        as(admin).get("/api/users/" + user).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> as(admin)
                        .get("/api/profiles/" + user)
                        .then()
                        .statusCode(200)
                        .body("kind", equalTo("staff")));
    }

    @Test
    void anImportIsListedWithTheProblemsOfItsRows() {
        var csv = "username,email,firstName,lastName\n"
                + "%s-ok,ok@%s.example,Katherine,Johnson\n".formatted(slug, slug)
                + "%s-bad,not-an-email,Dorothy,Vaughan\n".formatted(slug);
        var job = as(admin)
                .config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("text/csv", ContentType.TEXT)
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/csv")
                .body(csv)
                .post("/api/users/imports")
                .then()
                .statusCode(202)
                .extract()
                .<String>path("id");
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> !as(admin)
                        .get("/api/users/imports/" + job)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("status")
                        .matches("QUEUED|RUNNING"));

        as(admin).get("/api/users/imports?limit=10").then().statusCode(200).body("id", hasItem(job));
        as(admin)
                .get("/api/users/imports/" + job + "/problems")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].errors.field", hasItem("email"));
    }

    @Test
    void aStaffMembersAddressesAndSkillsAreListedReplacedAndForgotten() {
        var user = createStaffMember("mary");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> as(admin).get("/api/profiles/" + user).statusCode() == 200);
        var address = as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("line1", "Bahnhofstrasse 1", "city", "Zürich", "country", "CH"))
                .post("/api/profiles/" + user + "/addresses")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");
        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("line1", "Bundesplatz 3", "city", "Bern", "country", "CH", "primary", true))
                .put("/api/profiles/" + user + "/addresses/" + address)
                .then()
                .statusCode(200)
                .body("city", equalTo("Bern"));
        as(admin)
                .get("/api/profiles/" + user + "/addresses")
                .then()
                .statusCode(200)
                .body("city", equalTo(List.of("Bern")));

        as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("level", 4))
                .put("/api/profiles/" + user + "/skills/cobol")
                .then()
                .statusCode(200);
        as(admin)
                .get("/api/profiles/" + user + "/skills")
                .then()
                .statusCode(200)
                .body("name", hasItem("cobol"));
        as(admin)
                .delete("/api/profiles/" + user + "/skills/cobol")
                .then()
                .statusCode(200)
                .body("name", not(hasItem("cobol")));
    }

    private static String createStaffMember(String name) {
        var username = name + "-" + slug;
        return as(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "staff",
                        "username",
                        username,
                        "email",
                        username + "@" + slug + ".example",
                        "firstName",
                        name.substring(0, 1).toUpperCase() + name.substring(1),
                        "lastName",
                        "Tour",
                        "staff",
                        Map.of("employeeNumber", "T-" + name, "department", "Research", "hireDate", "2021-03-01")))
                .post("/api/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String platformAdmin() {
        return tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(RunningSystem.services().gateway().toString())
                .auth()
                .oauth2(token);
    }
}
