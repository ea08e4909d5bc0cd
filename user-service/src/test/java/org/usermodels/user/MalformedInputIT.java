package org.usermodels.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.RawHttp;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a careless or hostile client sends is a 400 (or 413) problem with the request id, never a 500, and
 * leaves nothing behind: NUL characters and half surrogate pairs in query parameters, headers and every kind
 * of JSON value, query strings that are not UTF-8, {@code null} elements, JSON nested without end, bodies
 * over the limit, URLs the firewall refuses. Each case is answered where its mechanism lives
 * ({@code RequestInputFilter}, {@code StorableJsonText}, Jackson's null handling, the firewall's handler).
 */
@UserServiceIT
class MalformedInputIT {

    private static final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;
    TenantSql sql;

    @BeforeEach
    void tenant() {
        api = new UserServiceApi(port);
        tenant = api.createTenant();
        sql = new TenantSql(dataSource);
    }

    @Test
    void aNulInAQueryParameterIsRefusedForThatParameter() throws Exception {
        var response = raw("GET", "/api/users?q=ab%00cd", null);

        assertProblem(response, 400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asString())
                .isEqualTo("q");
    }

    @Test
    void aQueryStringThatIsNotUtf8IsRefusedEvenInAParameterNoEndpointReads() throws Exception {
        for (var path : List.of("/api/users?unused=%ED%A0%BD", "/api/users/stats?x=%C3", "/api/users/me?%FF=1")) {
            var response = raw("GET", path, null);

            assertProblem(response, 400);
            assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Invalid query string");
        }
    }

    @Test
    void aNulOrHalfASurrogatePairInAnyJsonStringIsRefusedForItsFieldAndNothingIsWritten() {
        var cases = Map.of(
                "firstName", "{\"firstName\": \"Gra\\u0000ce\"}",
                "lastName", "{\"lastName\": \"Hop\\ud800per\"}",
                "attributes.anything", "{\"attributes\": {\"anything\": \"x\\u0000\"}}",
                "attributes.deep", "{\"attributes\": {\"deep\": [\"fine\", \"\\udc00\"]}}");
        for (var entry : cases.entrySet()) {
            var username = UserServiceApi.unique("nul");
            var body = "{\"type\": \"user\", \"username\": \"%s\", \"email\": \"%s@example.org\", %s"
                    .formatted(username, username, entry.getValue().substring(1));

            api.as(tenant.adminToken())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/users")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("requestId", matchesPattern(".+"))
                    .body("errors.field", hasItem(entry.getKey()));

            assertThat(sql.count(tenant.id(), "select count(*) from users where username = ?", username))
                    .as(entry.getKey())
                    .isZero();
            assertThat(UserServiceApi.keycloak.usernameExists(username))
                    .as(entry.getKey())
                    .isFalse();
        }
    }

    @Test
    void aNulInAMergePatchIsRefusedAndTheUserStaysAsTheyWere() {
        var user = api.createUser(tenant);
        var etag = api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .extract()
                .header("ETag");

        expectProblem(
                        api.as(tenant.adminToken())
                                .contentType("application/merge-patch+json")
                                .header("If-Match", etag)
                                .body("{\"firstName\": \"\\u0000\"}")
                                .patch("/users/" + user.id())
                                .then(),
                        400)
                .body("errors.field", hasItem("firstName"));

        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("firstName", equalTo("Una"));
    }

    @Test
    void aNullElementOfAListIsRefusedAndTheDefinitionsStay() {
        var before = api.as(tenant.adminToken())
                .get("/tenant/attributes")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        expectProblem(
                        api.as(tenant.adminToken())
                                .contentType(ContentType.JSON)
                                .body("[null]")
                                .put("/tenant/attributes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("[0]"))
                .body("errors[0].message", equalTo("must not be null"));

        assertThat(api.as(tenant.adminToken())
                        .get("/tenant/attributes")
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(before);
    }

    @Test
    void jsonNestedWithoutEndIsRefused() {
        var deep = "[".repeat(5_000) + "]".repeat(5_000);

        expectProblem(
                api.as(tenant.adminToken())
                        .contentType(ContentType.JSON)
                        .body("{\"type\": \"user\", \"attributes\": {\"x\": " + deep + "}}")
                        .post("/users")
                        .then(),
                400);
    }

    @Test
    void aBodyOverTheLimitIsA413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        var large = new byte[1_500_000];
        Arrays.fill(large, (byte) ' ');
        large[0] = '{';
        large[large.length - 1] = '}';

        var declared = send(HttpRequest.newBuilder(uri("/api/users"))
                .header("Authorization", "Bearer " + tenant.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)));
        assertProblem(declared, 413);

        var chunked = send(HttpRequest.newBuilder(uri("/api/users"))
                .header("Authorization", "Bearer " + tenant.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))));
        assertProblem(chunked, 413);
        assertThat(json.readTree(chunked.body()).path("title").asString()).isEqualTo("Request body too large");
    }

    @Test
    void urlsTheFirewallRefusesAreProblemsToo() throws Exception {
        for (var path : List.of("/api/users;jsessionid=1", "/api/users/%2e%2e/tenants", "/api/users/a%5cb")) {
            var response = raw("GET", path, null);

            assertProblem(response, 400);
        }
    }

    @Test
    void aControlCharacterInAHeaderIsRefused() {
        var answer = RawHttp.get(port, "/api/users/me", tenant.adminToken(), "X-Note: a\u0001b");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").contains("\"requestId\"");
    }

    private ValidatableResponse expectProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("requestId", matchesPattern(".+"));
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = json.readTree(response.body());
        assertThat(problem.path("requestId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** A request sent as written: the client must not encode or check what the test sends on purpose. */
    private HttpResponse<String> raw(String method, String pathAndQuery, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", "Bearer " + tenant.adminToken())
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
