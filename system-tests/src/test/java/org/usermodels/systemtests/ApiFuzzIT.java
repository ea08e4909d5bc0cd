package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;

/**
 * Requests generated from the stored OpenAPI descriptions ({@link FuzzRequests}), sent through the gateway to
 * the running system, with a real Keycloak and PostgreSQL: as many to every operation, as the tenant's
 * administrator, as nobody and as another tenant's. Whatever they hold, the system must answer each one
 * cleanly:
 *
 * <ul>
 *   <li>never a 5xx;
 *   <li>no stack trace, exception name or SQL in any body;
 *   <li>every 4xx a problem ({@code application/problem+json}) whose {@code status} is the response's;
 *   <li>nothing of the tenant changed by a refused request that could change it (any method but {@code GET}), in
 *       either service's database or in Keycloak
 *       ({@link TenantFingerprint}).
 * </ul>
 *
 * 5,000 requests in the build; {@code -Dusermodels.fuzz.requests=50000} for a longer run, and
 * {@code -Dusermodels.fuzz.seed=N} to send a run's requests again (each run logs its seed), e.g.
 * {@code ./mvnw -pl system-tests -am verify -Dit.test=ApiFuzzIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dusermodels.fuzz.requests=50000}.
 */
class ApiFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzIT.class);

    /** What an answer must never show: a Java stack frame or exception, or the database speaking. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (org|java|jdk|com|io|reactor|tools)\\.[\\w.$]+\\(|Exception\\b|\\bSQLState\\b|SQL \\[|"
                    + "org\\.hibernate|org\\.postgresql|ERROR: |\\bselect .* from \\w+ \\w+_0\\b|Caused by:");

    private static final ObjectMapper JSON = new ObjectMapper();

    static KeycloakTokens tokens;
    static URI gateway;
    static Tenant own;
    static Tenant stranger;
    static FuzzRequests.Ids ids;
    static Connection usersDatabase;
    static Connection profilesDatabase;

    /** A tenant of the run with its administrator, whose token is renewed before it expires. */
    record Tenant(UUID id, String slug, String admin, String password, UUID adminId) {}

    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final Map<String, Long> TOKENS_SINCE = new HashMap<>();

    @BeforeAll
    static void twoTenantsWithResources() throws Exception {
        gateway = RunningSystem.services().gateway();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
        var suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        own = createTenant("fuzz-" + suffix);
        stranger = createTenant("fuzz-other-" + suffix);

        var users = new ArrayList<UUID>();
        users.add(createUser(own, Map.of("type", "user")));
        users.add(createUser(own, Map.of("type", "customer", "customer", Map.of("loyaltyTier", "GOLD"))));
        var staff = createUser(
                own,
                Map.of(
                        "type",
                        "staff",
                        "staff",
                        Map.of("employeeNumber", "F-1", "department", "Fuzzing", "hireDate", "2020-01-01")));
        users.add(staff);
        var groups = List.of(createGroup(own, "fuzzers"), createGroup(own, "testers"));
        var address = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> as(own).contentType(ContentType.JSON)
                                .body(Map.of("line1", "Fuzzgasse 1", "city", "Bern", "country", "CH"))
                                .post("/api/profiles/" + staff + "/addresses")
                                .then()
                                .extract(),
                        response -> response.statusCode() == 201);
        var job = as(own).config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-ndjson")
                .body("{\"username\":\"imported-" + suffix + "\",\"email\":\"imported-" + suffix
                        + "@example.org\",\"firstName\":\"Im\",\"lastName\":\"Ported\"}\n")
                .post("/api/users/imports")
                .then()
                .statusCode(202)
                .extract()
                .<String>path("id");
        var strangers = List.of(createUser(stranger, Map.of("type", "user")), createGroup(stranger, "strangers"));
        ids = new FuzzRequests.Ids(
                List.copyOf(users),
                groups,
                List.of(UUID.fromString(address.path("id"))),
                List.of(UUID.fromString(job)),
                List.of(own.slug(), stranger.slug()),
                strangers);
        usersDatabase =
                RunningSystem.postgres().connect(RunningSystem.usersDatabase().name());
        profilesDatabase = RunningSystem.postgres()
                .connect(RunningSystem.profilesDatabase().name());
    }

    @AfterAll
    static void close() throws Exception {
        for (var connection : new Connection[] {usersDatabase, profilesDatabase}) {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Test
    void noGeneratedRequestBreaksTheApiOrChangesDataWhenRefused() throws Exception {
        var operations = FuzzOperations.read(repository());
        var requests = Integer.getInteger("usermodels.fuzz.requests", 5_000);
        var seed = Long.getLong("usermodels.fuzz.seed", System.nanoTime());
        log.info("Fuzzing {} operations with {} requests, seed {}", operations.size(), requests, seed);
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        var generator = new FuzzRequests(random, ids);
        var fingerprint = new TenantFingerprint(
                usersDatabase, profilesDatabase, new RealmAdmin(RunningSystem.keycloak()), own.id());
        var http = newClient();
        var failures = new ArrayList<String>();
        var perOperation = new HashMap<String, Integer>();
        var statuses = new HashMap<Integer, Integer>();
        // what the tenant held before the last request that could change it; stale after an accepted one
        String state = null;

        for (var sent = 0; sent < requests && failures.size() < 25; sent++) {
            var operation = operations.get(sent % operations.size());
            var request = generator.next(operation);
            var changes = !operation.method().equals("GET");
            if (changes && state == null) {
                fingerprint.settle();
                state = fingerprint.now();
            }
            HttpResponse<byte[]> response;
            try {
                response = send(http, request);
            } catch (java.io.IOException first) {
                // a connection the gateway closed after refusing an upload can stall the client's next request
                // on it: the same request again, on a new connection, tells the system's silence from that
                http = newClient();
                try {
                    response = send(http, request);
                } catch (java.io.IOException again) {
                    failures.add("%s%n    -> no answer: %s".formatted(request, again));
                    state = null;
                    continue;
                }
            }
            if (response == null) {
                continue;
            }
            perOperation.merge(operation.id(), 1, Integer::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            var problem = check(request, response);
            if (changes && response.statusCode() >= 400) {
                var after = fingerprint.now();
                if (!after.equals(state)) {
                    problem = problem == null ? "changed the tenant's data although refused" : problem;
                    state = after;
                }
            } else if (response.statusCode() < 400) {
                // an accepted request may have changed the tenant, now or through its events and imports
                state = null;
            }
            if (problem != null) {
                failures.add("%s%n    -> %d %s%n    %s"
                        .formatted(
                                request,
                                response.statusCode(),
                                problem,
                                new String(
                                        response.body(),
                                        0,
                                        Math.min(600, response.body().length),
                                        StandardCharsets.UTF_8)));
            }
        }

        log.info("Fuzzing answered {}", statuses);
        assertThat(failures).as("requests answered badly (seed %d)", seed).isEmpty();
        assertThat(perOperation.keySet())
                .as("every operation was fuzzed")
                .containsExactlyInAnyOrderElementsOf(
                        operations.stream().map(FuzzOperations.Operation::id).toList());
        assertThat(perOperation.values())
                .as("each operation got its share of the requests")
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(requests / operations.size() / 2));
        assertThat(statuses.keySet()).as("both accepted and refused requests").anyMatch(status -> status < 300);
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** What is wrong with an answer, {@code null} when nothing is. */
    static String check(FuzzRequests.Request request, HttpResponse<byte[]> response) {
        var status = response.statusCode();
        var body = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return "a server error";
        }
        var leak = LEAK.matcher(body);
        if (leak.find()) {
            return "the body shows the system's insides: " + leak.group();
        }
        if (status >= 400) {
            var type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return "a refusal that is not a problem (Content-Type " + type + ")";
            }
            try {
                var problem = JSON.readTree(body);
                if (problem.path("status").asInt() != status) {
                    return "a problem whose status is not the response's";
                }
            } catch (java.io.IOException e) {
                return "a problem body that is not JSON";
            }
        }
        return null;
    }

    static HttpResponse<byte[]> send(HttpClient http, FuzzRequests.Request request) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(gateway + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(15))
                .method(
                        request.operation().method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            // a header the HTTP client itself will not send (a line break, a restricted name): nothing to test
            return null;
        }
        switch (request.caller()) {
            case ADMIN -> builder.header("Authorization", "Bearer " + token(own));
            case STRANGER -> builder.header("Authorization", "Bearer " + token(stranger));
            case NOBODY -> {}
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The administrator's access token, taken again every minute so that it never expires during the run. */
    static synchronized String token(Tenant tenant) {
        var since = TOKENS_SINCE.getOrDefault(tenant.slug(), 0L);
        if (System.nanoTime() - since > Duration.ofMinutes(1).toNanos()) {
            TOKENS.put(
                    tenant.slug(),
                    tokens.password(UsermodelsRealm.CLI_CLIENT, tenant.admin(), tenant.password(), "organization"));
            TOKENS_SINCE.put(tenant.slug(), System.nanoTime());
        }
        return TOKENS.get(tenant.slug());
    }

    static Tenant createTenant(String slug) {
        var admin = slug + "-admin";
        var password = "Fuzz-" + slug + "-1";
        var created = given().baseUri(gateway.toString())
                .auth()
                .oauth2(tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "displayName",
                        "Fuzzed " + slug,
                        "userTypes",
                        List.of("user", "customer", "staff", "partner"),
                        "admin",
                        Map.of(
                                "username",
                                admin,
                                "email",
                                admin + "@example.org",
                                "firstName",
                                "Fuzz",
                                "lastName",
                                "Admin",
                                "password",
                                password)))
                .post("/api/tenants")
                .then()
                .statusCode(201)
                .extract();
        return new Tenant(
                UUID.fromString(created.path("id")), slug, admin, password, UUID.fromString(created.path("admin.id")));
    }

    static UUID createUser(Tenant tenant, Map<String, Object> fields) {
        var name = tenant.slug() + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var body = new HashMap<String, Object>(fields);
        body.putAll(Map.of("username", name, "email", name + "@example.org", "firstName", "Fu", "lastName", "Zed"));
        return UUID.fromString(as(tenant)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/users")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    static UUID createGroup(Tenant tenant, String name) {
        return UUID.fromString(as(tenant)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/api/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    }

    static io.restassured.specification.RequestSpecification as(Tenant tenant) {
        return given().baseUri(gateway.toString()).auth().oauth2(token(tenant));
    }

    static Path repository() {
        return Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
