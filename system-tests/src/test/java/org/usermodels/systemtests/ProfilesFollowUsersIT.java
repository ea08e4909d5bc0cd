package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.ClientTrace;
import org.usermodels.platform.testsupport.KeycloakTokens;

/**
 * Profiles appear and disappear with users, through user-service's outbox and profile-service's intake,
 * without the client ever calling profile-service to make them; nothing is lost while profile-service is
 * down; and one trace follows a change all the way. Everything goes through the gateway; waiting is bounded, never a fixed sleep.
 */
class ProfilesFollowUsersIT {

    static KeycloakTokens tokens;
    static String admin;
    static String slug;

    @BeforeAll
    static void tenant() {
        RunningSystem.services();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
        slug = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        var body = new LinkedHashMap<String, Object>();
        body.put("slug", slug);
        body.put("displayName", "System test tenant");
        body.put("userTypes", List.of("user", "customer", "staff", "partner"));
        body.put(
                "admin",
                Map.of(
                        "username", "admin-" + slug,
                        "email", "admin-" + slug + "@example.org",
                        "firstName", "Ada",
                        "lastName", "Admin",
                        "password", "Admin-password-1"));
        gateway()
                .auth()
                .oauth2(tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/tenants")
                .then()
                .statusCode(201);
        admin = tokens.password(UsermodelsRealm.CLI_CLIENT, "admin-" + slug, "Admin-password-1", "organization");
    }

    static RequestSpecification gateway() {
        return given().baseUri(RunningSystem.services().gateway().toString());
    }

    static String createUser(String type, Map<String, Object> details) {
        return createUser(type, details, Map.of());
    }

    static String createUser(String type, Map<String, Object> details, Map<String, String> headers) {
        var username = type + "-" + UUID.randomUUID().toString().substring(0, 8);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("firstName", "Sys");
        body.put("lastName", "Tem");
        body.put("password", "User-password-1");
        body.putAll(details);
        return gateway()
                .auth()
                .oauth2(admin)
                .headers(headers)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void awaitProfile(String userId, String kind) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> gateway()
                        .auth()
                        .oauth2(admin)
                        .get("/api/profiles/" + userId)
                        .then()
                        .statusCode(200)
                        .body("kind", equalTo(kind)));
    }

    @Test
    void eachNewUserGetsTheProfileOfTheirKindAndLosesItWhenDeleted() {
        var customer = createUser("customer", Map.of());
        var staff = createUser(
                "staff",
                Map.of(
                        "staff",
                        Map.of(
                                "employeeNumber",
                                "E-" + UUID.randomUUID().toString().substring(0, 6),
                                "hireDate",
                                "2020-01-01")));
        var partner = createUser("partner", Map.of("partner", Map.of("companyName", "Initech")));

        awaitProfile(customer, "customer");
        awaitProfile(staff, "staff");
        awaitProfile(partner, "partner");

        gateway().auth().oauth2(admin).delete("/api/users/" + partner).then().statusCode(204);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> gateway()
                        .auth()
                        .oauth2(admin)
                        .get("/api/profiles/" + partner)
                        .then()
                        .statusCode(404));
    }

    @Test
    void tenantAdministratorsEditAnyProfileAndMembersOnlyTheirOwn() {
        var first = createUser("user", Map.of());
        var second = createUser("user", Map.of());
        awaitProfile(first, "basic");
        awaitProfile(second, "basic");
        var username = gateway()
                .auth()
                .oauth2(admin)
                .get("/api/users/" + first)
                .then()
                .extract()
                .<String>path("username");
        var member = tokens.password(UsermodelsRealm.CLI_CLIENT, username, "User-password-1", "organization");

        var etag = gateway()
                .auth()
                .oauth2(member)
                .get("/api/profiles/" + second)
                .then()
                .extract()
                .header("ETag");
        gateway()
                .auth()
                .oauth2(member)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("bio", "not mine"))
                .patch("/api/profiles/" + second)
                .then()
                .statusCode(403);
        gateway()
                .auth()
                .oauth2(admin)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("bio", "curated by the tenant's admin"))
                .patch("/api/profiles/" + second)
                .then()
                .statusCode(200)
                .body("bio", equalTo("curated by the tenant's admin"));
    }

    @Test
    void nothingIsLostWhileProfileServiceIsDown() {
        RunningSystem.services().stop("profile-service");
        String late;
        String later;
        try {
            late = createUser("customer", Map.of());
            later = createUser("user", Map.of());
        } finally {
            RunningSystem.services().restart("profile-service", Duration.ofMinutes(2));
        }

        awaitProfile(late, "customer");
        awaitProfile(later, "basic");
    }

    /**
     * One trace runs from the client through the gateway, user-service, its outbox and relay, to
     * profile-service's intake (docs/observability.md), seen where an operator without a tracing backend sees
     * it: each service's log names the client's trace id (and the request id and tenant where they apply).
     */
    @Test
    void oneTraceRunsFromTheClientThroughTheOutboxToProfileService() {
        var trace = ClientTrace.random();
        var requestId = "trace-" + ClientTrace.hex(6);

        var user = createUser("user", Map.of(), Map.of("traceparent", trace.traceParent(), "X-Request-Id", requestId));
        awaitProfile(user, "basic");

        var inTrace = "[" + trace.traceId() + "-";
        var requestAndTenant = "[" + requestId + "] [" + slug + "] ";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(log("gateway"))
                    .as("the gateway's access line")
                    .anySatisfy(line -> assertThat(line)
                            .contains("POST /api/users -> user-service 201", requestAndTenant, inTrace));
            assertThat(log("user-service"))
                    .as("user-service's line about the new user")
                    .anySatisfy(line -> assertThat(line).contains("Registered", user, requestAndTenant, inTrace));
            assertThat(log("profile-service"))
                    .as("profile-service's intake of the event, which the relay delivered later")
                    .anySatisfy(line -> assertThat(line)
                            .contains("UserRegistered #1 of " + user + ": APPLIED", "[" + slug + "] ", inTrace));
        });
    }

    static List<String> log(String service) throws IOException {
        return Files.readAllLines(RunningSystem.services().service(service).logFile());
    }
}
