package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.usermodels.platform.demodata.DemoData;
import org.usermodels.platform.demodata.DemoTenants;
import org.usermodels.platform.demodata.DemoTenants.DemoTenant;
import org.usermodels.platform.demodata.DemoTenants.DemoUser;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;

/**
 * The whole story, through the gateway with a real Keycloak and PostgreSQL, step by step: a platform
 * administrator creates the three demo tenants (copies of acme, globex and initech under slugs of their own,
 * so that the seeded originals stay as {@link DemoDataIT} expects them), their administrators create users of
 * each model, the users log in and change themselves, profiles follow through events, search and statistics
 * count what was made, no id crosses a tenant, bad input is a problem with one entry per field, and a deleted
 * user loses their profile; a tenant over its quota is told when to come back, and a stopped service is a
 * problem while the other goes on. The last step runs the README's walkthrough as written.
 *
 * <p>The steps share the state they build, in order; waiting is always bounded, never a fixed sleep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsermodelsStoryIT {

    static final Duration EVENTS = Duration.ofSeconds(60);
    static final Map<String, String> PROFILE_KIND =
            Map.of("user", "basic", "customer", "customer", "staff", "staff", "partner", "partner");

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final DemoTenant acme = DemoTenants.ACME.renamed(suffix);
    final DemoTenant globex = DemoTenants.GLOBEX.renamed(suffix);
    final DemoTenant initech = DemoTenants.INITECH.renamed(suffix);
    final KeycloakTokens tokens = new KeycloakTokens(RunningSystem.keycloak());
    final Map<String, String> adminTokens = new HashMap<>();
    final Map<String, String> ids = new HashMap<>();

    RequestSpecification gateway() {
        return given().baseUri(RunningSystem.services().gateway().toString());
    }

    RequestSpecification as(DemoTenant tenant) {
        return gateway().auth().oauth2(adminTokens.get(tenant.slug()));
    }

    /** The id of one of this story's users, by their username in {@link DemoTenants}. */
    String idOf(String demoUsername) {
        return ids.get(demoUsername + "-" + suffix);
    }

    @Test
    @Order(1)
    void thePlatformAdministratorCreatesTheThreeTenants() {
        var platformAdmin = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
        for (var tenant : List.of(acme, globex, initech)) {
            var created = gateway()
                    .auth()
                    .oauth2(platformAdmin)
                    .contentType(ContentType.JSON)
                    .body(tenant.creation())
                    .post("/api/tenants")
                    .then()
                    .statusCode(201)
                    .body("slug", equalTo(tenant.slug()))
                    .body("admin.username", equalTo(tenant.admin().username()))
                    .extract();
            var tenantId = created.<String>path("id");
            followThroughTheGateway(created.header("Location"), gateway().auth().oauth2(platformAdmin))
                    .body("id", equalTo(tenantId));
            gateway()
                    .auth()
                    .oauth2(platformAdmin)
                    .contentType(ContentType.JSON)
                    .body(tenant.creation())
                    .post("/api/tenants")
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(tenantId));
            adminTokens.put(
                    tenant.slug(),
                    tokens.password(
                            UsermodelsRealm.CLI_CLIENT,
                            tenant.admin().username(),
                            tenant.admin().password(),
                            "organization"));
        }
    }

    @Test
    @Order(2)
    void tenantAdministratorsShapeTheirModels() {
        as(globex)
                .contentType(ContentType.JSON)
                .body(globex.attributes())
                .put("/api/tenant/attributes")
                .then()
                .statusCode(200)
                .body("name", equalTo(DemoTenants.GLOBEX.attributeNames()));
        as(globex).get("/api/users/me").then().statusCode(200).body("attributes.site", equalTo("Cypress Creek"));

        var created = as(acme).contentType(ContentType.JSON)
                .body(Map.of("name", "support"))
                .post("/api/groups")
                .then()
                .statusCode(201)
                .extract();
        var support = created.<String>path("id");
        followThroughTheGateway(created.header("Location"), as(acme)).body("id", equalTo(support));
        ids.put("group:support", support);
        as(acme).put("/api/groups/" + support + "/permissions/users.view")
                .then()
                .statusCode(200);
    }

    @Test
    @Order(3)
    void tenantAdministratorsCreateUsersOfEachModel() {
        for (var tenant : List.of(acme, globex, initech)) {
            for (var user : tenant.users()) {
                var created = as(tenant)
                        .contentType(ContentType.JSON)
                        .body(user.creation(tenant.slug()))
                        .post("/api/users")
                        .then()
                        .statusCode(201)
                        .body("type", equalTo(user.type()))
                        .extract();
                var id = created.<String>path("id");
                followThroughTheGateway(created.header("Location"), as(tenant)).body("id", equalTo(id));
                ids.put(user.account().username(), id);
            }
        }
        for (var username : List.of("roadrunner", "daffy")) {
            as(acme).put("/api/groups/%s/members/%s".formatted(ids.get("group:support"), idOf(username)))
                    .then()
                    .statusCode(204);
        }

        as(globex)
                .get("/api/users/" + idOf("frank"))
                .then()
                .body("attributes.deskPhone", equalTo("+41446681800"))
                .body("attributes.clearance", equalTo(3));
        as(initech)
                .get("/api/users/" + idOf("joanna"))
                .then()
                .body("customer.customerNumber", matchesPattern("C-\\d{6}"))
                .body("customer.loyaltyTier", equalTo("GOLD"));
        as(initech)
                .get("/api/users/" + idOf("peter"))
                .then()
                .body("staff.employeeNumber", equalTo("E-1003"))
                .body("groups.name", hasItems("members"));
    }

    @Test
    @Order(4)
    void profilesFollowTheUsersThroughEvents() {
        for (var tenant : List.of(acme, globex, initech)) {
            for (var user : tenant.users()) {
                await().atMost(EVENTS)
                        .pollInterval(Duration.ofMillis(300))
                        .untilAsserted(() -> as(tenant)
                                .get("/api/profiles/" + ids.get(user.account().username()))
                                .then()
                                .statusCode(200)
                                .body("kind", equalTo(PROFILE_KIND.get(user.type())))
                                .body(
                                        "displayName",
                                        equalTo(user.account().firstName() + " "
                                                + user.account().lastName())));
            }
        }
    }

    @Test
    @Order(5)
    void usersLogInAndReadAndChangeThemselves() {
        for (var tenant : List.of(acme, globex, initech)) {
            for (var user : tenant.users()) {
                var token = tokens.password(
                        UsermodelsRealm.CLI_CLIENT,
                        user.account().username(),
                        user.account().password(),
                        "organization");
                var profileEtag = gateway()
                        .auth()
                        .oauth2(token)
                        .get("/api/profiles/me")
                        .then()
                        .statusCode(200)
                        .body("userId", equalTo(ids.get(user.account().username())))
                        .body("kind", equalTo(PROFILE_KIND.get(user.type())))
                        .extract()
                        .header("ETag");
                gateway()
                        .auth()
                        .oauth2(token)
                        .contentType("application/merge-patch+json")
                        .header("If-Match", profileEtag)
                        .body(Map.of("bio", "I am " + user.account().firstName()))
                        .patch("/api/profiles/me")
                        .then()
                        .statusCode(200)
                        .body("bio", equalTo("I am " + user.account().firstName()));
                gateway()
                        .auth()
                        .oauth2(token)
                        .contentType("application/merge-patch+json")
                        .header("If-Match", profileEtag)
                        .body(Map.of("bio", "a change based on the old version"))
                        .patch("/api/profiles/me")
                        .then()
                        .statusCode(412)
                        .contentType("application/problem+json");
                // after the profile: the change of the user reaches the profile as an event, a new version
                var userEtag = gateway()
                        .auth()
                        .oauth2(token)
                        .get("/api/users/me")
                        .then()
                        .statusCode(200)
                        .body("username", equalTo(user.account().username()))
                        .body("type", equalTo(user.type()))
                        .body("tenant.slug", equalTo(tenant.slug()))
                        .extract()
                        .header("ETag");
                gateway()
                        .auth()
                        .oauth2(token)
                        .contentType("application/merge-patch+json")
                        .header("If-Match", userEtag)
                        .body(Map.of("timeZone", "America/Chicago"))
                        .patch("/api/users/me")
                        .then()
                        .statusCode(200)
                        .body("timeZone", equalTo("America/Chicago"));
            }
        }
    }

    @Test
    @Order(6)
    void staffGetManagersSkillsAndAddresses() {
        for (var member : initech.usersOfType("staff")) {
            var id = ids.get(member.account().username());
            var position = (Map<?, ?>) member.fields().get("staff");
            var etag = as(initech).get("/api/profiles/" + id).then().extract().header("ETag");
            as(initech)
                    .contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body(Map.of(
                            "staff",
                            Map.of("department", position.get("department"), "title", position.get("jobTitle"))))
                    .patch("/api/profiles/" + id)
                    .then()
                    .statusCode(200)
                    .body("staff.department", equalTo(position.get("department")));
            if (member.manager() != null) {
                var manager = new HashMap<String, Object>();
                manager.put("managerId", ids.get(member.manager()));
                as(initech)
                        .contentType(ContentType.JSON)
                        .body(manager)
                        .put("/api/profiles/" + id + "/manager")
                        .then()
                        .statusCode(200);
            }
            member.skills()
                    .forEach((skill, level) -> as(initech)
                            .contentType(ContentType.JSON)
                            .body(Map.of("level", level))
                            .put("/api/profiles/" + id + "/skills/" + skill)
                            .then()
                            .statusCode(200));
        }
        var address = as(initech)
                .contentType(ContentType.JSON)
                .body(Map.of("line1", "4120 Freidrich Lane", "city", "Austin", "country", "US", "primary", true))
                .post("/api/profiles/" + idOf("peter") + "/addresses")
                .then()
                .statusCode(201)
                .extract()
                .<String>path("id");
        ids.put("address:peter", address);

        as(initech)
                .get("/api/profiles/" + idOf("dom") + "/reports")
                .then()
                .statusCode(200)
                .body("displayName", containsInAnyOrder("Michael Bolton", "Milton Waddams"))
                .body(
                        "find { it.displayName == 'Michael Bolton' }.reports.displayName",
                        containsInAnyOrder("Peter Gibbons", "Samir Nagheenanajar"))
                .body("find { it.displayName == 'Michael Bolton' }.reports[0].depth", equalTo(2));
    }

    @Test
    @Order(7)
    void searchAndStatisticsCountWhatWasCreated() {
        as(initech)
                .get("/api/users/stats")
                .then()
                .statusCode(200)
                .body("byType.user", equalTo(1))
                .body("byType.customer", equalTo(2))
                .body("byType.staff", equalTo(5))
                .body("byType.partner", equalTo(1))
                .body("byStatus.ACTIVE", equalTo(9));
        as(initech)
                .get("/api/users?q=gibons")
                .then()
                .statusCode(200)
                .body("items.username", equalTo(List.of("peter-" + suffix)));
        as(initech)
                .get("/api/users?type=customer")
                .then()
                .body("items.username", containsInAnyOrder("joanna-" + suffix, "lawrence-" + suffix));
        as(globex)
                .get("/api/users?attr.clearance=3")
                .then()
                .statusCode(200)
                .body("items.username", containsInAnyOrder("frank-" + suffix, "mindy-" + suffix));
        as(acme).get("/api/users/stats")
                .then()
                .body("byType.user", equalTo(4))
                .body("membersPerGroup.find { it.name == 'support' }.members", equalTo(2));

        as(initech)
                .get("/api/profiles/stats")
                .then()
                .statusCode(200)
                .body("headcountByDepartment.find { it.department == 'Software' }.staff", equalTo(3))
                .body("headcountByDepartment.find { it.department == 'Management' }.staff", equalTo(1))
                .body("topSkills[0].skill", equalTo("Java"))
                .body("topSkills[0].staff", equalTo(3))
                .body("topSkills[0].rank", equalTo(1));
        as(initech)
                .get("/api/profiles?skill=java&minLevel=4")
                .then()
                .statusCode(200)
                .body("items.displayName", containsInAnyOrder("Peter Gibbons", "Samir Nagheenanajar"));
    }

    @Test
    @Order(8)
    void everyIdOfAnotherTenantIsNotFound() {
        var peter = idOf("peter");
        var initechMembers =
                as(initech).get("/api/groups").then().extract().<String>path("find { it.name == 'members' }.id");
        var userEtag = as(initech).get("/api/users/" + peter).then().extract().header("ETag");
        var profileEtag =
                as(initech).get("/api/profiles/" + peter).then().extract().header("ETag");
        var address = Map.of("line1", "1 Acme Road", "city", "Phoenix", "country", "US");
        var support = ids.get("group:support");

        var attempts = new LinkedHashMap<String, RequestSpecification>();
        attempts.put("GET /api/users/" + peter, as(acme));
        attempts.put("PATCH /api/users/" + peter, patch(userEtag, Map.of("firstName", "Pete")));
        attempts.put("DELETE /api/users/" + peter, as(acme));
        attempts.put("GET /api/users/" + peter + "/permissions", as(acme));
        attempts.put("PUT /api/users/" + peter + "/permissions/users.view", as(acme));
        attempts.put("DELETE /api/users/" + peter + "/permissions/users.view", as(acme));
        attempts.put("GET /api/groups/" + initechMembers, as(acme));
        attempts.put(
                "PATCH /api/groups/" + initechMembers,
                as(acme).contentType(ContentType.JSON).body(Map.of("name", "taken over")));
        attempts.put("DELETE /api/groups/" + initechMembers, as(acme));
        attempts.put("PUT /api/groups/" + initechMembers + "/members/" + idOf("bugs"), as(acme));
        attempts.put("DELETE /api/groups/" + initechMembers + "/members/" + peter, as(acme));
        attempts.put("PUT /api/groups/" + initechMembers + "/permissions/users.view", as(acme));
        attempts.put("DELETE /api/groups/" + initechMembers + "/permissions/users.view", as(acme));
        attempts.put("PUT /api/groups/" + support + "/members/" + peter, as(acme));
        attempts.put("GET /api/profiles/" + peter, as(acme));
        attempts.put("PATCH /api/profiles/" + peter, patch(profileEtag, Map.of("bio", "taken over")));
        attempts.put("GET /api/profiles/" + peter + "/addresses", as(acme));
        attempts.put(
                "POST /api/profiles/" + peter + "/addresses",
                as(acme).contentType(ContentType.JSON).body(address));
        attempts.put(
                "PUT /api/profiles/" + peter + "/addresses/" + ids.get("address:peter"),
                as(acme).contentType(ContentType.JSON).body(address));
        attempts.put("DELETE /api/profiles/" + peter + "/addresses/" + ids.get("address:peter"), as(acme));
        attempts.put("GET /api/profiles/" + peter + "/skills", as(acme));
        attempts.put(
                "PUT /api/profiles/" + peter + "/skills/Java",
                as(acme).contentType(ContentType.JSON).body(Map.of("level", 1)));
        attempts.put("DELETE /api/profiles/" + peter + "/skills/Java", as(acme));
        var noManager = new HashMap<String, Object>();
        noManager.put("managerId", null);
        attempts.put(
                "PUT /api/profiles/" + peter + "/manager",
                as(acme).contentType(ContentType.JSON).body(noManager));
        attempts.put("GET /api/profiles/" + idOf("dom") + "/reports", as(acme));

        attempts.forEach((call, request) -> {
            var method = call.substring(0, call.indexOf(' '));
            var path = call.substring(call.indexOf(' ') + 1);
            request.request(method, path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        });

        as(initech)
                .get("/api/users/" + peter)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(userEtag))
                .body("firstName", equalTo("Peter"))
                .body("permissions", not(hasItems("users.view")));
        as(initech)
                .get("/api/profiles/" + peter)
                .then()
                .statusCode(200)
                .header("ETag", equalTo(profileEtag))
                .body("staff.manager.displayName", equalTo("Michael Bolton"))
                .body("staff.skills.find { it.name == 'Java' }.level", equalTo(4))
                .body("addresses", hasSize(1));
        as(initech).get("/api/groups/" + initechMembers).then().statusCode(200).body("name", equalTo("members"));
    }

    private RequestSpecification patch(String etag, Map<String, Object> body) {
        return as(acme).contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(body);
    }

    @Test
    @Order(9)
    void badInputIsAProblemWithOneEntryPerInvalidField() {
        var smithers = new LinkedHashMap<String, Object>();
        smithers.put("username", "smithers-" + suffix);
        smithers.put("email", "smithers-" + suffix + "@globex.example");
        smithers.put("firstName", "Waylon");
        smithers.put("lastName", "Smithers");
        smithers.put("attributes", Map.of("badgeId", "007", "costCentre", "MARKETING", "clearance", 9));
        as(globex)
                .contentType(ContentType.JSON)
                .body(smithers)
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "attributes.badgeId",
                                "attributes.costCentre",
                                "attributes.clearance",
                                "attributes.site"));

        as(initech)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "staff", "username", "no spaces allowed", "email", "not-an-email"))
                .post("/api/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("username", "email", "firstName", "lastName"));

        as(initech)
                .contentType(ContentType.JSON)
                .body(Map.of("level", 9))
                .put("/api/profiles/" + idOf("peter") + "/skills/Java")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        as(acme).contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(10)
    void deletingAUserErasesTheirProfileAndTheirLogin() {
        var lawrence = initech.usersOfType("customer").stream()
                .filter(user -> user.account().username().startsWith("lawrence"))
                .findFirst()
                .map(DemoUser::account)
                .orElseThrow();
        var id = ids.get(lawrence.username());

        as(initech).delete("/api/users/" + id).then().statusCode(204);

        await().atMost(EVENTS)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> as(initech)
                        .get("/api/profiles/" + id)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json"));
        as(initech).get("/api/users/" + id).then().statusCode(404);
        given().formParam("grant_type", "password")
                .formParam("client_id", UsermodelsRealm.CLI_CLIENT)
                .formParam("username", lawrence.username())
                .formParam("password", lawrence.password())
                .post(RunningSystem.keycloak().tokenEndpoint())
                .then()
                .statusCode(oneOf(400, 401))
                .body("error", equalTo("invalid_grant"));
        as(initech).get("/api/users/stats").then().body("byType.customer", equalTo(1));
    }

    @Test
    @Order(11)
    void aTenantOverItsQuotaIsToldWhenToComeBackWhileOthersGoOn() {
        var platformAdmin = tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
        var admin = Map.of(
                "username", "throttle-keeper",
                "email", "keeper@throttled.example",
                "firstName", "Theo",
                "lastName", "Keeper",
                "password", "Throttled-admin-1");
        gateway()
                .auth()
                .oauth2(platformAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        RunningSystem.THROTTLED_TENANT,
                        "displayName",
                        "Throttled Inc.",
                        "userTypes",
                        List.of("user"),
                        "admin",
                        admin))
                .post("/api/tenants")
                .then()
                .statusCode(oneOf(200, 201));
        var keeper = tokens.password(
                UsermodelsRealm.CLI_CLIENT, admin.get("username"), admin.get("password"), "organization");

        var started = System.nanoTime();
        var answers = new ArrayList<Response>();
        for (var call = 0; call < RunningSystem.THROTTLED_BURST + 5; call++) {
            answers.add(gateway().auth().oauth2(keeper).get("/api/users/me"));
        }
        var elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        var admitted =
                answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertThat(admitted)
                .isBetween((long) RunningSystem.THROTTLED_BURST, RunningSystem.THROTTLED_BURST + elapsedSeconds + 1);
        answers.stream()
                .filter(answer -> answer.statusCode() == 429)
                .findFirst()
                .orElseThrow()
                .then()
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", containsString("Tenant throttled has used its quota"))
                .body("requestId", matchesPattern(".+"));
        // Another tenant is not held back by this one's quota.
        as(acme).get("/api/users/me").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        gateway().auth().oauth2(keeper).get("/api/users/me").statusCode() == 200);
    }

    @Test
    @Order(12)
    void aStoppedServiceIsA503ProblemAndTheOtherServiceGoesOn() {
        RunningSystem.services().stop("profile-service");
        try {
            var started = System.nanoTime();
            as(initech)
                    .get("/api/profiles/me")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("The service behind this API is not available."))
                    .body("requestId", matchesPattern(".+"));
            // Connection refused is known at once; the gateway's time limit (10 s) is far away.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            as(initech).get("/api/users/me").then().statusCode(200);
        } finally {
            RunningSystem.services().restart("profile-service", Duration.ofMinutes(2));
        }
        await().atMost(EVENTS)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> as(initech).get("/api/profiles/me").then().statusCode(200));
    }

    @Test
    @Order(20)
    void theReadmeWalkthroughRunsAsWritten() {
        DemoData.seed(DemoData.Settings.local(
                RunningSystem.services().gateway(), RunningSystem.keycloak().baseUri()));
        var repository = Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
        var walkthrough = ReadmeWalkthrough.read(repository.resolve("README.md"));

        // twice, as a reader may: the second time finds the tenant, and the customer deleted the first time
        for (var time = 1; time <= 2; time++) {
            assertTheStoryWasTold(walkthrough.run(
                    RunningSystem.services().gateway(), RunningSystem.keycloak().baseUri()));
        }
    }

    private static void assertTheStoryWasTold(ReadmeWalkthrough.Run run) {
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines())
                .as(run.output())
                .satisfiesExactly(
                        me -> assertThat(me).contains("\"username\":\"bugs\"", "\"slug\":\"acme\""),
                        myProfile -> assertThat(myProfile).contains("\"kind\":\"basic\""),
                        changed -> assertThat(changed)
                                .containsPattern("\"bio\":\"What is up, doc\\? \\(at \\d\\d:\\d\\d:\\d\\d\\)\""),
                        stale -> assertThat(stale).contains("\"status\":412"),
                        tenant -> assertThat(tenant).contains("\"slug\":\"hooli\"", "\"displayName\":\"Hooli\""),
                        attributes ->
                                assertThat(attributes).contains("\"name\":\"badgeId\"", "\"pattern\":\"GX-[0-9]{4}\""),
                        cleared -> assertThat(cleared)
                                .contains("\"username\":\"frank\"", "\"username\":\"mindy\"")
                                .doesNotContain("homer"),
                        invalid -> assertThat(invalid)
                                .contains(
                                        "\"status\":400",
                                        "\"field\":\"attributes.badgeId\"",
                                        "\"field\":\"attributes.costCentre\"",
                                        "\"field\":\"attributes.clearance\"",
                                        "\"field\":\"attributes.site\""),
                        created -> assertThat(created).matches("created the customer [0-9a-f-]{36}"),
                        profile -> assertThat(profile)
                                .contains("\"kind\":\"customer\"", "\"displayName\":\"Tom Smykowski\""),
                        found -> assertThat(found).contains("\"username\":\"tom\""),
                        stats -> assertThat(stats).contains("\"customer\":3", "\"staff\":5"),
                        tree -> assertThat(tree)
                                .contains("\"displayName\":\"Michael Bolton\"", "\"displayName\":\"Peter Gibbons\""),
                        skilled -> assertThat(skilled)
                                .contains("Peter Gibbons", "Samir Nagheenanajar")
                                .doesNotContain("Michael Bolton"),
                        otherTenantsUser -> assertThat(otherTenantsUser).contains("\"status\":404"),
                        otherTenantsProfile -> assertThat(otherTenantsProfile).contains("\"status\":404"),
                        deleted -> assertThat(deleted).isEqualTo("DELETE answered 204"),
                        erased -> assertThat(erased).contains("\"status\":404"));
    }

    /**
     * A {@code Location} the API answered names the gateway, as the client called it (not the service behind
     * it), and following it there finds the resource.
     */
    private static ValidatableResponse followThroughTheGateway(String location, RequestSpecification as) {
        var gateway = RunningSystem.services().gateway();
        var target = URI.create(location);
        assertThat(target.getScheme() + "://" + target.getRawAuthority())
                .isEqualTo(gateway.getScheme() + "://" + gateway.getRawAuthority());
        return as.get(target).then().statusCode(200);
    }
}
